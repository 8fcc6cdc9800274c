import { caseNumber, el, field } from '../dom';
import { formatDateTime } from '../format';
import { formatNodes, t } from '../i18n';
import type { CaseList, Session, Unfinished } from '../ipc';
import { casesSection, type CasesFilter } from './cases';
import { navBar, type Place } from './nav';
import type { Screen } from './types';

export interface HomeProps {
  session: Session;
  busy: boolean;
  unfinished: Unfinished[];
  /** The draft whose discard waits for a yes. */
  confirmDiscard: string | null;
  /** Cases the retention period destroyed at sign-in; 0 shows nothing. */
  casesExpired: number;
  /** The cases list as the shell sent it for `filter`; null while on its way. */
  cases: CaseList | null;
  casesLoading: boolean;
  filter: CasesFilter;
  /** The filter changed (in place): ask for the list again. */
  onFilterCases(): void;
  onNavigate(place: Place): void;
  onLock(): void;
  onNewCall(): void;
  onLookup(typed: string): void;
  onOpenCase(caseNumber: string): void;
  onResume(draft: Unfinished): void;
  onDiscard(draftId: string): void;
  onDiscardConfirm(draftId: string): void;
  onDiscardCancel(): void;
}

function unfinishedSection(props: HomeProps): HTMLElement {
  const list = el('ul', { class: 'unfinished-list' });
  props.unfinished.forEach((draft, index) => {
    const resume = el(
      'button',
      { id: index === 0 ? 'resume-call-0' : undefined, type: 'button', class: 'resume-call', disabled: props.busy },
      t('resume-call'),
    );
    resume.addEventListener('click', () => props.onResume(draft));
    const item = el(
      'li',
      { class: 'unfinished-call', 'data-draft': draft.draftId },
      el(
        'p',
        {},
        ...formatNodes('unfinished-call', { number: caseNumber(draft.caseNumber) }, {
          started: formatDateTime(draft.startedAt),
        }),
      ),
    );
    if (props.confirmDiscard === draft.draftId) {
      const yes = el('button', { type: 'button', class: 'danger discard-unfinished-confirm', disabled: props.busy }, t('discard-unfinished-confirm'));
      const no = el('button', { type: 'button', class: 'secondary discard-unfinished-cancel' }, t('confirm-cancel'));
      yes.addEventListener('click', () => props.onDiscardConfirm(draft.draftId));
      no.addEventListener('click', () => props.onDiscardCancel());
      item.append(
        el(
          'div',
          { class: 'confirm', role: 'group', 'aria-label': t('discard-unfinished-question') },
          el('p', { class: 'warning' }, t('discard-unfinished-question')),
          el('div', { class: 'actions' }, no, yes),
        ),
      );
    } else {
      const discard = el('button', { type: 'button', class: 'secondary discard-unfinished', disabled: props.busy }, t('discard-unfinished'));
      discard.addEventListener('click', () => props.onDiscard(draft.draftId));
      item.append(el('div', { class: 'actions' }, resume, discard));
    }
    list.append(item);
  });
  return el(
    'section',
    { id: 'unfinished-calls', class: 'unfinished', role: 'region', 'aria-labelledby': 'unfinished-title' },
    el('h3', { id: 'unfinished-title' }, t('unfinished-title')),
    list,
  );
}

/** After unlocking: unfinished calls first, then new call, returning caller and the cases. */
export function homeScreen(props: HomeProps): Screen {
  const { session, busy } = props;
  // The name is text in its own isolate, so a name in another script displays right.
  const name = el('bdi', { id: 'home-user' }, session.user);
  const heading = el('h2', { id: 'home-title', tabindex: '-1' }, ...formatNodes('home-greeting', { user: name }));

  const newCall = el(
    'button',
    {
      id: 'new-call',
      type: 'button',
      class: 'big',
      disabled: busy,
      'aria-keyshortcuts': 'Alt+N',
      title: t('new-call'),
      'aria-describedby': 'new-call-hint',
    },
    t('new-call'),
  );
  newCall.addEventListener('click', () => props.onNewCall());

  const lookup = field(
    'lookup-number',
    t('lookup-label'),
    {
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      spellcheck: 'false',
      dir: 'ltr',
      translate: 'no',
      class: 'case-number-input',
    },
    t('lookup-hint'),
  );
  const lookupSubmit = el('button', { id: 'lookup-submit', type: 'submit', disabled: busy }, t('lookup-submit'));
  const lookupForm = el(
    'form',
    { id: 'lookup-form', class: 'lookup', novalidate: true, 'aria-labelledby': 'lookup-title' },
    el('h3', { id: 'lookup-title' }, t('lookup-title')),
    el('div', { class: 'inline-form' }, lookup.block, lookupSubmit),
  );
  lookupForm.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onLookup(lookup.input.value);
  });

  const root = el(
    'div',
    { class: 'unlocked' },
    navBar({ session, current: 'home', onNavigate: props.onNavigate, onLock: props.onLock }),
    el(
      'section',
      { id: 'home', class: 'screen', 'aria-labelledby': 'home-title' },
      heading,
      el('p', { id: 'home-role', 'data-role': session.role }, t('home-role', { role: session.role })),
      props.casesExpired > 0
        ? el('p', { id: 'retention-expired', class: 'notice', role: 'status' }, t('retention-expired', { cases: props.casesExpired }))
        : null,
      props.unfinished.length > 0 ? unfinishedSection(props) : null,
      el(
        'div',
        { class: 'start' },
        el('div', { class: 'new-call' }, newCall, el('p', { id: 'new-call-hint', class: 'hint' }, t('new-call-hint'))),
        lookupForm,
      ),
      casesSection({
        list: props.cases,
        filter: props.filter,
        headingLevel: 'h3',
        loading: props.casesLoading,
        onFilter: props.onFilterCases,
        onOpen: props.onOpenCase,
      }),
    ),
  );
  const firstResume = root.querySelector<HTMLElement>('#resume-call-0');
  return { root, focus: firstResume ?? heading };
}
