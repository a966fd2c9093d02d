// Progressive enhancement for the complaint portal. Everything works without this file: the server
// renders every page and checks every form. With it, the form shows only the questions that apply,
// shows route advice as soon as a topic is chosen, counts characters, and prevents a double send.

const form = document.querySelector('[data-complaint-form]');

function checkedValue(name) {
  const checked = form.querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : '';
}

function setUpOnBehalf() {
  const group = form.querySelector('[data-on-behalf]');
  if (!group) return;
  const update = () => {
    group.hidden = checkedValue('onBehalf') !== 'other';
  };
  for (const radio of form.querySelectorAll('input[name="onBehalf"]'))
    radio.addEventListener('change', update);
  update();
}

// Advice shown next to the question replaces the extra round trip: a person who saw it and still sends
// the form has chosen to submit a complaint anyway.
function setUpRouteAdvice() {
  const panels = form.querySelectorAll('[data-route-for]');
  const current = form.querySelector('[data-route-advice-current]');
  let anyway = form.querySelector('[data-submit-anyway]');
  const update = () => {
    const topic = checkedValue('topic');
    for (const panel of panels) panel.hidden = panel.dataset.routeFor !== topic;
    const advised = topic !== '' && topic !== 'complaint';
    if (current) current.hidden = current.hidden || !advised;
    if (advised && !anyway) {
      anyway = document.createElement('input');
      anyway.type = 'hidden';
      anyway.name = 'submitAnyway';
      anyway.value = '1';
      anyway.dataset.submitAnyway = '';
      form.append(anyway);
    }
    if (!advised && anyway) {
      anyway.remove();
      anyway = null;
    }
  };
  for (const radio of form.querySelectorAll('input[name="topic"]')) radio.addEventListener('change', update);
  if (current) {
    // The server already showed the advice at the top; the inline copy would repeat it.
    for (const panel of panels) panel.hidden = true;
    current.focus();
  } else update();
}

function setUpCounters(scope) {
  const lang = document.documentElement.lang;
  for (const area of scope.querySelectorAll('textarea[data-maxlength]')) {
    const max = Number(area.dataset.maxlength);
    const counter = document.createElement('p');
    counter.className = 'counter';
    counter.id = `${area.id}-counter`;
    counter.setAttribute('aria-live', 'polite');
    area.after(counter);
    const update = () => {
      const left = max - area.value.length;
      counter.hidden = left > max * 0.2;
      counter.textContent =
        lang === 'nl'
          ? left >= 0
            ? `U kunt nog ${left} tekens typen.`
            : `U heeft ${-left} tekens te veel.`
          : left >= 0
            ? `You have ${left} characters left.`
            : `You have ${-left} characters too many.`;
    };
    area.addEventListener('input', update);
    update();
  }
}

// One click is enough: the server ignores a second post of the same form anyway, but a person should
// see that the first one is on its way.
function setUpSingleSubmit() {
  for (const each of document.querySelectorAll('form[method="post"]')) {
    each.addEventListener('submit', () => {
      for (const button of each.querySelectorAll('button[type="submit"]')) {
        setTimeout(() => {
          button.disabled = true;
        }, 0);
      }
    });
  }
}

function focusErrorSummary() {
  const summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
  // A link in the summary moves to the field itself (not only scrolls), and shows its label too.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.error-summary a') : null;
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    const group = target.closest('fieldset') ?? target.closest('.field');
    (group ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  });
}

if (form) {
  setUpOnBehalf();
  setUpRouteAdvice();
}
setUpCounters(document);
setUpSingleSubmit();
focusErrorSummary();
