// The preview webview's script: draws what the extension sends; zooms, fits, pans and
// filters the diagram; drills down on a click (a domain, a role, a decision) and reveals
// the source on Ctrl/Cmd+click or "Go to source"; reports the phase selector, the view
// and the paper toggle back; keeps tab, phase, view and each map's zoom across reloads
// (webview state).
// @ts-check
(function () {
  // @ts-ignore: provided by VS Code inside webviews
  const vscode = acquireVsCodeApi();
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const title = $('title'), banner = $('banner'), diagram = $('diagram'), matrix = $('matrix'), empty = $('empty');
  const phaseLabel = $('phase-label');
  const phase = /** @type {HTMLSelectElement} */ ($('phase'));
  const filter = /** @type {HTMLInputElement} */ ($('filter'));
  const paper = /** @type {HTMLInputElement} */ ($('paper'));
  const crumbs = $('crumbs'), reveal = $('reveal'), zoomLevel = $('zoom-level');
  const viewbar = /** @type {HTMLElement} */ (document.querySelector('.viewbar'));
  const tabs = { diagram: $('tab-diagram'), matrix: $('tab-matrix') };
  /** Smallest text the default zoom may show, in CSS pixels. */
  const MIN_TEXT = 11;
  const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
  let state = vscode.getState() || { tab: 'diagram', zoom: {} };
  state.zoom = state.zoom || {};
  let current = { uri: '', map: undefined, phase: undefined, view: { kind: 'overview' }, theme: 'paper' };
  /**
   * The zoom shown: a number; 'fit' (fit to width); or 'auto', the default: fit to width,
   * but never so small that the smallest text falls below MIN_TEXT, nor above actual size.
   */
  let zoom = 'auto';

  function save(patch) {
    state = { ...state, ...patch };
    vscode.setState(state);
  }

  function setTab(tab, tell) {
    save({ tab });
    for (const [name, button] of Object.entries(tabs)) button.setAttribute('aria-selected', String(name === tab));
    diagram.hidden = tab !== 'diagram';
    matrix.hidden = tab !== 'matrix';
    // Zoom, drill-down and paper belong to the diagram.
    viewbar.hidden = tab !== 'diagram';
    if (tell) vscode.postMessage({ type: 'tab', tab });
    if (tab === 'diagram') applyZoom();
  }

  function text(tag, content, className) {
    const el = document.createElement(tag);
    el.textContent = content;
    if (className) el.className = className;
    return el;
  }

  function showBanner(message) {
    banner.replaceChildren();
    if (message.error) {
      banner.append(text('strong', 'The preview could not be drawn. '), text('span', message.error));
    } else if (message.broken) {
      const problems = message.problems || [];
      banner.append(text('strong', message.view
        ? 'The map cannot be read as written; the picture below is the last good one.'
        : 'The map cannot be read as written yet.'));
      const list = document.createElement('ul');
      for (const p of problems.slice(0, 5)) {
        const item = document.createElement('li');
        item.append(text('span', `Line ${p.line}: `, 'where'), text('span', p.message));
        list.append(item);
      }
      if (problems.length > 5) list.append(text('li', `and ${problems.length - 5} more (see Problems)`));
      banner.append(list);
    }
    banner.hidden = !(message.error || message.broken);
  }

  function showPhases(map, selected) {
    const phases = (map && map.phases) || [];
    phaseLabel.hidden = phases.length === 0;
    phase.replaceChildren();
    const all = document.createElement('option');
    all.value = '';
    all.textContent = 'All phases';
    phase.append(all);
    for (const p of phases) {
      const o = document.createElement('option');
      o.value = p.name;
      o.textContent = p.title || p.name;
      phase.append(o);
    }
    phase.value = selected || '';
  }

  const KIND_WORDS = { domain: 'Domain', role: 'Role', decision: 'Decision' };

  /** "Overview › Role: Principal", the first a button back to the overview. */
  function showCrumbs(view) {
    crumbs.replaceChildren();
    const home = text('button', 'Overview', 'crumb');
    home.id = 'crumb-overview';
    home.disabled = view.kind === 'overview';
    home.title = 'Back to the overview (Backspace)';
    home.addEventListener('click', () => setView({ kind: 'overview' }));
    crumbs.append(home);
    if (view.kind !== 'overview') {
      const label = labelOf(view.name) || view.name;
      crumbs.append(text('span', ' › ', 'sep'), text('span', `${KIND_WORDS[view.kind]}: ${label}`, 'here'));
    }
    reveal.hidden = view.kind === 'overview';
  }

  /** The words an element is drawn with, read from the diagram itself. */
  function labelOf(name) {
    if (!name) return '';
    // A title wrapped over several lines is several <text>s of the same box.
    const box = diagram.querySelector(`g.node[data-element="${CSS.escape(name)}"]`);
    const lines = box ? [...box.querySelectorAll(`text[data-element="${CSS.escape(name)}"]`)].map(t => (t.textContent || '').trim()) : [];
    return lines.length ? lines.join(' ') : name.split('.').pop();
  }

  function setView(view) {
    current.view = view;
    save({ view });
    vscode.postMessage({ type: 'view', kind: view.kind, name: view.name });
  }

  function svg() {
    return /** @type {SVGSVGElement | null} */ (diagram.querySelector('svg'));
  }

  function naturalSize(el) {
    const box = el.viewBox && el.viewBox.baseVal;
    return box && box.width ? { width: box.width, height: box.height } : { width: el.width.baseVal.value, height: el.height.baseVal.value };
  }

  /** The smallest font size in the picture, in its own units. */
  function smallestFont(el) {
    let min = Infinity;
    for (const t of el.querySelectorAll('text')) {
      const size = parseFloat(t.getAttribute('font-size') || '');
      if (size > 0) min = Math.min(min, size);
    }
    return Number.isFinite(min) ? min : 12;
  }

  function fitZoom(el) {
    const available = Math.max(100, diagram.clientWidth - 2);
    return available / naturalSize(el).width;
  }

  function zoomValue() {
    const el = svg();
    if (!el) return 1;
    if (zoom === 'fit') return fitZoom(el);
    if (zoom === 'auto') return Math.min(1, Math.max(fitZoom(el), MIN_TEXT / smallestFont(el)));
    return zoom;
  }

  function applyZoom() {
    const el = svg();
    if (!el) return;
    const z = zoomValue();
    const size = naturalSize(el);
    el.setAttribute('width', String(Math.round(size.width * z)));
    el.setAttribute('height', String(Math.round(size.height * z)));
    zoomLevel.textContent = `${Math.round(z * 100)}%${zoom === 'fit' ? ' (fit)' : ''}`;
    zoomLevel.title = zoom === 'auto' ? 'Fits the width, but keeps text at least 11 px' : '';
  }

  function setZoom(next) {
    zoom = next;
    if (current.uri) save({ zoom: { ...state.zoom, [current.uri]: next } });
    applyZoom();
    report();
  }

  function step(direction) {
    const z = zoomValue();
    const next = direction > 0 ? ZOOMS.find(x => x > z + 0.001) : [...ZOOMS].reverse().find(x => x < z - 0.001);
    setZoom(next || z);
  }

  /** Dims what does not match the filter; in the matrix, hides rows that do not. */
  function applyFilter() {
    const query = filter.value.trim().toLowerCase();
    let matches = 0;
    for (const g of diagram.querySelectorAll('g.node')) {
      const hit = !query || (g.textContent || '').toLowerCase().includes(query);
      g.classList.toggle('match', Boolean(query) && hit);
      g.classList.toggle('dim', Boolean(query) && !hit && !g.classList.contains('domain'));
      if (query && hit) matches++;
    }
    diagram.classList.toggle('filtering', Boolean(query));
    for (const row of matrix.querySelectorAll('tbody tr[data-element]')) {
      const hit = !query || (row.textContent || '').toLowerCase().includes(query);
      /** @type {HTMLElement} */ (row).hidden = !hit;
    }
    save({ filter: filter.value });
    return query ? matches : undefined;
  }

  /** Heights on screen of the diagram's text, as the reader sees it. */
  function textHeights() {
    const heights = [];
    for (const t of diagram.querySelectorAll('svg text')) {
      const size = parseFloat(t.getAttribute('font-size') || '');
      if (size > 0) heights.push(size * zoomValue());
    }
    heights.sort((a, b) => a - b);
    return heights.length ? { min: heights[0], median: heights[Math.floor(heights.length / 2)] } : undefined;
  }

  function report() {
    const el = svg();
    const heights = textHeights();
    const query = filter.value.trim();
    vscode.postMessage({
      type: 'rendered', uri: current.uri, map: current.map && current.map.name,
      svgs: diagram.querySelectorAll('svg').length, banner: !banner.hidden, tab: state.tab, phase: current.phase,
      view: current.view, theme: current.theme,
      zoom: el ? zoomValue() : undefined, areaWidth: diagram.clientWidth, drawnWidth: el ? el.getBoundingClientRect().width : undefined,
      minTextPx: heights && heights.min, medianTextPx: heights && heights.median,
      filter: query || undefined, matches: query ? applyFilter() : undefined
    });
  }

  function update(message) {
    const sameMap = current.uri === message.uri;
    current = { uri: message.uri, map: message.map, phase: message.phase, view: message.diagramView || { kind: 'overview' }, theme: message.theme || 'paper' };
    save({ uri: message.uri, phase: message.phase, view: current.view, paper: message.paper });
    if (!sameMap) zoom = state.zoom[message.uri] || 'auto';
    title.textContent = message.map ? message.map.title || message.map.name : 'Remit Preview';
    paper.checked = Boolean(message.paper);
    document.body.classList.toggle('diagram-dark', current.theme === 'dark');
    showPhases(message.map, message.phase);
    showBanner(message);
    const view = message.view;
    if (view) {
      // Generated by Remit's own generators: every name in it is escaped, and the
      // page's Content Security Policy runs no script but this one.
      diagram.innerHTML = view.svg || '';
      matrix.innerHTML = view.matrix || '';
      empty.hidden = true;
    } else {
      diagram.replaceChildren();
      matrix.replaceChildren();
      empty.textContent = message.broken ? 'Nothing to show until the map can be read.' : 'Drawing the map...';
      empty.hidden = false;
    }
    showCrumbs(current.view);
    setTab(message.tab || state.tab || 'diagram', false);
    applyZoom();
    applyFilter();
    report();
  }

  /** Draws an SVG on a canvas and sends back the PNG (Export Diagram as PNG). */
  function rasterize(message) {
    const image = new Image();
    const done = (data) => vscode.postMessage({ type: 'raster', id: message.id, data });
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(image.naturalWidth * message.scale);
      canvas.height = Math.round(image.naturalHeight * message.scale);
      const context = canvas.getContext('2d');
      if (!context) return done(undefined);
      context.scale(message.scale, message.scale);
      context.drawImage(image, 0, 0);
      done(canvas.toDataURL('image/png'));
    };
    image.onerror = () => done(undefined);
    image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(message.svg)))}`;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update') update(message);
    if (message && message.type === 'rasterize') rasterize(message);
  });

  for (const [name, button] of Object.entries(tabs)) button.addEventListener('click', () => setTab(name, true));
  phase.addEventListener('change', () => vscode.postMessage({ type: 'phase', phase: phase.value }));
  paper.addEventListener('change', () => vscode.postMessage({ type: 'paper', paper: paper.checked }));
  filter.addEventListener('input', () => report());
  filter.value = state.filter || '';
  $('zoom-in').addEventListener('click', () => step(1));
  $('zoom-out').addEventListener('click', () => step(-1));
  $('zoom-fit').addEventListener('click', () => setZoom('fit'));
  $('zoom-actual').addEventListener('click', () => setZoom(1));
  reveal.addEventListener('click', () => { if (current.view.name) vscode.postMessage({ type: 'reveal', element: current.view.name }); });
  window.addEventListener('resize', () => { if (typeof zoom !== 'number') applyZoom(); });

  /** What a click on an element drills down to. */
  function viewFor(el) {
    const name = el.getAttribute('data-element');
    const node = el.closest('g.node');
    const kind = node ? node.getAttribute('class') || '' : '';
    if (/\bdomain\b/.test(kind)) return { kind: 'domain', name };
    if (/\b(role|team)\b/.test(kind)) return { kind: 'role', name };
    if (/\bdecision\b/.test(kind)) return { kind: 'decision', name };
    if (/\bstep\b/.test(kind) && el.tagName.toLowerCase() === 'text') return { kind: 'role', name };
    return undefined;
  }

  // A click on a role, team, domain or decision drills down to it; with Ctrl or Cmd (or
  // in the matrix) it opens its source.
  let dragged = false;
  document.addEventListener('click', (event) => {
    if (dragged) return;
    const target = /** @type {Element} */ (event.target);
    const el = target && target.closest && target.closest('[data-element]');
    if (!el) return;
    const inDiagram = diagram.contains(el);
    const view = inDiagram && !(event.ctrlKey || event.metaKey) ? viewFor(el) : undefined;
    if (view && !(view.kind === current.view.kind && view.name === current.view.name)) setView(view);
    else vscode.postMessage({ type: 'reveal', element: el.getAttribute('data-element') });
  });

  // Pan by dragging the picture.
  let drag;
  diagram.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, left: diagram.scrollLeft, top: window.scrollY, scrollTop: diagram.scrollTop };
    dragged = false;
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    dragged = true;
    diagram.classList.add('panning');
    diagram.scrollLeft = drag.left - dx;
    diagram.scrollTop = drag.scrollTop - dy;
  });
  window.addEventListener('pointerup', () => {
    drag = undefined;
    diagram.classList.remove('panning');
    setTimeout(() => { dragged = false; }, 0);
  });

  // Keyboard: + and - zoom, 0 actual size, W fit to width, arrows pan, / filter,
  // Backspace back to the overview, P paper.
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (typing) {
      if (event.key === 'Escape' && event.target === filter) { filter.value = ''; report(); diagram.focus(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const pan = 60;
    switch (event.key) {
      case '+': case '=': step(1); break;
      case '-': case '_': step(-1); break;
      case '0': setZoom(1); break;
      case 'w': case 'W': setZoom('fit'); break;
      case 'p': case 'P': paper.checked = !paper.checked; vscode.postMessage({ type: 'paper', paper: paper.checked }); break;
      case '/': filter.focus(); break;
      case 'Backspace': if (current.view.kind !== 'overview') setView({ kind: 'overview' }); break;
      case 'ArrowLeft': diagram.scrollLeft -= pan; break;
      case 'ArrowRight': diagram.scrollLeft += pan; break;
      case 'ArrowUp': diagram.scrollTop -= pan; break;
      case 'ArrowDown': diagram.scrollTop += pan; break;
      default: return;
    }
    event.preventDefault();
  });

  setTab(state.tab || 'diagram', false);
  vscode.postMessage({ type: 'ready' });
})();
