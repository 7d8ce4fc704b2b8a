/**
 * The browser entry: loads the styles, starts the data layer (local database, sync, service-worker
 * bridge) and renders the app into #app.
 */
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/components.css';
import './ui/styles/screens.css';
import './ui/styles/attendance.css';
import './ui/styles/print.css';
import './ui/styles/reports.css';
import './ui/styles/transport.css';
import './ui/styles/lock.css';
import './ui/styles/register.css';
import { render } from 'preact';
import { startApp } from './state';
import { App } from './ui/App';

void startApp();

const root = document.getElementById('app');
if (root) render(<App />, root);
