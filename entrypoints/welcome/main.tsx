import { render } from 'preact';
import { App } from './App';
import './style.css';
import '../content/style.css';

render(<App />, document.getElementById('app') as HTMLElement);
