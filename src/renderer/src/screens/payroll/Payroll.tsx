// Payroll deductions (issue 16): the roster's employees and their matches, the arrangements, each
// pay period's file and what came back, and the wage-floor table, as the page's four tabs.
import { useState } from 'react';
import { Arrangements } from './Arrangements';
import { Tabs } from './common';
import { Employees } from './Employees';
import { PayPeriods } from './PayPeriods';
import { WageFloors } from './WageFloors';
import './payroll.css';

const TABS = [
  ['employees', 'Employees'],
  ['arrangements', 'Arrangements'],
  ['periods', 'Pay periods'],
  ['floor', 'Wage floor'],
] as const;
type Tab = (typeof TABS)[number][0];

export function Payroll() {
  const [tab, setTab] = useState<Tab>('employees');
  return (
    <section className="payroll">
      <h1>Payroll deductions</h1>
      <p className="muted">
        Hospital employees who owe can pay by payroll deduction, or anyone by automatic bank transfer. Nothing is
        deducted before the signed authorization (PD-02), and no deduction brings pay below the wage floor (PD-01).
      </p>
      <Tabs tabs={TABS} tab={tab} onTab={setTab} label="Payroll deductions" idPrefix="pr" />
      <div role="tabpanel" id={`pr-panel-${tab}`} aria-labelledby={`pr-tab-${tab}`}>
        {tab === 'employees' && <Employees />}
        {tab === 'arrangements' && <Arrangements />}
        {tab === 'periods' && <PayPeriods />}
        {tab === 'floor' && <WageFloors />}
      </div>
    </section>
  );
}
