// The update banner may reload the page only when no form holds unsaved input: forms report
// their state through useUnsavedWork, and the report goes away with the form.
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useHasUnsavedWork, useUnsavedWork } from '../../../src/client/state';

function Form({ dirty }: { dirty: boolean }) {
  useUnsavedWork(dirty);
  return <form />;
}

function Probe() {
  return <output>{useHasUnsavedWork() ? 'unsaved' : 'clean'}</output>;
}

describe('unsaved work', () => {
  it('is reported while a form is dirty and cleared when it is saved or closed', () => {
    const view = render(<><Form dirty={false} /><Probe /></>);
    expect(view.container.querySelector('output')?.textContent).toBe('clean');
    view.rerender(<><Form dirty /><Probe /></>);
    expect(view.container.querySelector('output')?.textContent).toBe('unsaved');
    view.rerender(<><Form dirty={false} /><Probe /></>);
    expect(view.container.querySelector('output')?.textContent).toBe('clean');
    view.rerender(<><Form dirty /><Probe /></>);
    view.rerender(<Probe />);
    expect(view.container.querySelector('output')?.textContent).toBe('clean');
  });
});
