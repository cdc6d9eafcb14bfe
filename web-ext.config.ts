import { defineWebExtConfig } from 'wxt';

// `wxt dev` would try to open a browser; `npm start` does that itself, display permitting.
export default defineWebExtConfig({ disabled: true });
