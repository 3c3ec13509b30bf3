import type { ComponentChildren } from 'preact';
import { dashboardText } from '@/utils/text';

export interface DashboardSection {
  id: string;
  label: string;
}

export interface DashboardShellProps {
  sections: readonly DashboardSection[];
  current: string;
  children: ComponentChildren;
}

/** The dashboard frame: a navigation of sections (hash links, so the back button works) and the section. */
export function DashboardShell({ sections, current, children }: DashboardShellProps) {
  return (
    <div class="dashboard">
      <header class="dashboard-header">
        <h1>{dashboardText.productName}</h1>
        <nav aria-label={dashboardText.sectionsNav}>
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} aria-current={section.id === current ? 'page' : undefined}>
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="dashboard-main" id="main">
        {children}
      </main>
    </div>
  );
}
