/**
 * The view toggle (inline redline or side by side, kept in the URL as
 * ?view=side) and the filters of a compare page: classes on #rows that the
 * stylesheet reads. Shown only when this script runs; the rows are readable
 * without it.
 */
export function initCompareControls(): void {
  const rows = document.getElementById('rows');
  const controls = document.getElementById('controls');
  if (!rows || !controls || controls.dataset.ready) return;
  controls.dataset.ready = 'true';
  controls.hidden = false;
  const params = new URLSearchParams(location.search);
  const buttons = [...controls.querySelectorAll<HTMLButtonElement>('button[data-view]')];
  const setView = (view: string, push: boolean) => {
    rows.classList.toggle('view-side', view === 'side');
    rows.classList.toggle('view-inline', view !== 'side');
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    if (push) {
      const p = new URLSearchParams(location.search);
      if (view === 'side') p.set('view', 'side');
      else p.delete('view');
      const q = p.toString();
      history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
    }
  };
  for (const b of buttons) b.addEventListener('click', () => setView(b.dataset.view ?? 'inline', true));
  setView(params.get('view') === 'side' ? 'side' : 'inline', false);
  const filter = (id: string, cls: string) => {
    const box = document.getElementById(id) as HTMLInputElement | null;
    if (!box) return;
    const apply = () => rows.classList.toggle(cls, box.checked);
    box.addEventListener('change', apply);
    apply();
  };
  filter('only-changed', 'only-changed');
  filter('only-operative', 'only-operative');
}
