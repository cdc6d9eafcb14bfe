import { render } from 'preact';
import { App } from './App';
import './style.css';
import '../../lib/page/highlight-styles.css';

render(<App />, document.getElementById('app') as HTMLElement);
