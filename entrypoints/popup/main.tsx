import { render } from 'preact';

render(<main><h1>PingOne Connection Helper</h1></main>, document.getElementById('app')!);
