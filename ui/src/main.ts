import './fonts.css';
import './style.css';
import { startApp } from './app';

const host = document.getElementById('app');
if (host) void startApp(host);
