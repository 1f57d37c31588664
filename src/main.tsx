import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './ui/styles/app.css';
import { applyTheme } from './ui/styles/theme';

// Before the first render, so the first frame has its colours (an embed may fix them later).
applyTheme('auto');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
