import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { queryClient } from './queries';
import './styles.css';
import './workspace.css';
import './search.css';
import './account.css';
import './import.css';
import './reports.css';
import './plans.css';
import './queue.css';
import './tables.css';
import './reflow.css';

const root = document.getElementById('root');
if (!root) throw new Error('The workspace page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
