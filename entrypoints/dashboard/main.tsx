import { render } from 'preact';

render(<main><h1>Dashboard</h1></main>, document.getElementById('app')!);
