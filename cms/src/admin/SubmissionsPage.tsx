import * as React from 'react';
import { Badge, Box, Button, Dialog, Field, Flex, Link, Main, SingleSelect, SingleSelectOption, Table, Tbody, Td, Textarea, TextButton, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { CHANGE_LABELS, KIND_LABELS, REASON_TEXT_MAX, REJECT_REASON_KEYS, REJECT_REASONS, STATE_LABELS, type RejectReason } from '../org-panel/moderation-rules';
import type { SubmissionDetail, SubmissionSummary, WaitingCounts } from '../org-panel/moderation';

// What the admin routes of org-panel/moderation-admin.ts answer (types only: nothing of the server reaches the bundle).
interface ListAnswer {
  data: { waiting: SubmissionSummary[]; decided: SubmissionSummary[] };
  meta: WaitingCounts;
}
interface ErrorAnswer {
  error?: { status: number; message: string; details?: { errors?: { path: string[]; message: string }[] } };
}
interface DecisionAnswer extends ErrorAnswer {
  data?: { submission: SubmissionSummary; mailed: boolean; mailedTo: string | null };
}

/** Tells the menu badge (app.tsx) the new counts. */
export const SUBMISSIONS_CHANGED = 'co:submissions-changed';
const announce = (counts: WaitingCounts): void => {
  window.dispatchEvent(new CustomEvent<WaitingCounts>(SUBMISSIONS_CHANGED, { detail: counts }));
};

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'short', timeStyle: 'short' }) : '–');
const failureText = (failure: unknown): string => (failure instanceof Error ? failure.message : String(failure));

/** The editors' page "Zgłoszenia": what organisations propose in their panel, waiting first; one opens with ?zgloszenie=<id>. */
export default function SubmissionsPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('zgloszenie');
  const open = (id: number | null) => setParams(id === null ? {} : { zgloszenie: String(id) });
  return (
    <Main>
      <Layouts.Header
        title="Zgłoszenia"
        subtitle="Wydarzenia, oferty wolontariatu i zmiany profili zaproponowane przez organizacje w ich panelu oraz prośby o dołączenie do katalogu. Nic z tego nie jest widoczne w serwisie przed zatwierdzeniem – poza wpisami zaufanych organizacji, które tu się przegląda."
      />
      <Layouts.Content>{selected && /^\d+$/.test(selected) ? <SubmissionView id={Number(selected)} onBack={() => open(null)} /> : <SubmissionList onOpen={open} />}</Layouts.Content>
    </Main>
  );
}

function SubmissionList({ onOpen }: { onOpen: (id: number) => void }) {
  const { get } = useFetchClient();
  const [list, setList] = React.useState<ListAnswer | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<ListAnswer>('/admin/co/submissions').then(
      (response) => {
        setList(response.data);
        announce(response.data.meta);
      },
      (failure: unknown) => setError(failureText(failure)),
    );
  }, [get]);

  if (error) return <Typography textColor="danger600">Nie udało się wczytać zgłoszeń: {error}</Typography>;
  if (!list) return <Typography>Wczytywanie zgłoszeń…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={8}>
      <Box>
        <Typography tag="h2" variant="delta">
          Czeka na decyzję ({list.meta.pending}){list.meta.toReview > 0 ? ` i do przejrzenia (${list.meta.toReview})` : ''}
        </Typography>
        {list.data.waiting.length === 0 ? <Typography tag="p">Nic nie czeka – wszystkie zgłoszenia są rozpatrzone.</Typography> : <SubmissionTable rows={list.data.waiting} onOpen={onOpen} caption="Zgłoszenia czekające na redakcję, najstarsze pierwsze" />}
      </Box>
      <Box>
        <Typography tag="h2" variant="delta">
          Ostatnio rozpatrzone
        </Typography>
        {list.data.decided.length === 0 ? <Typography tag="p">Jeszcze nic nie rozpatrzono.</Typography> : <SubmissionTable rows={list.data.decided} onOpen={onOpen} caption="Ostatnie 50 rozpatrzonych zgłoszeń" decided />}
      </Box>
    </Flex>
  );
}

function SubmissionTable({ rows, onOpen, caption, decided = false }: { rows: SubmissionSummary[]; onOpen: (id: number) => void; caption: string; decided?: boolean }) {
  return (
    <Table colCount={5} rowCount={rows.length + 1} aria-label={caption}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">Rodzaj</Typography></Th>
          <Th><Typography variant="sigma">Tytuł</Typography></Th>
          <Th><Typography variant="sigma">Organizacja</Typography></Th>
          <Th><Typography variant="sigma">{decided ? 'Rozpatrzono' : 'Zgłoszono'}</Typography></Th>
          <Th><Typography variant="sigma">Stan</Typography></Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td>
              <Typography>
                {KIND_LABELS[row.kind]}
                {row.kind === 'join' ? '' : ` (${CHANGE_LABELS[row.change]})`}
              </Typography>
            </Td>
            <Td>
              <TextButton onClick={() => onOpen(row.id)}>{row.title || `Zgłoszenie nr ${row.id}`}</TextButton>
            </Td>
            <Td><Typography>{row.organizationName ?? '–'}</Typography></Td>
            <Td><Typography>{when(decided ? row.decidedAt : row.submittedAt)}</Typography></Td>
            <Td>
              {row.state === 'pending' || row.state === 'published_trusted' ? <Badge>{STATE_LABELS[row.state]}</Badge> : <Typography>{STATE_LABELS[row.state]}{row.decidedBy ? ` – ${row.decidedBy}` : ''}</Typography>}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

type Notice = { tone: 'success' | 'danger'; message: string; fields?: { path: string[]; message: string }[] };

function SubmissionView({ id, onBack }: { id: number; onBack: () => void }) {
  const { get, post } = useFetchClient();
  const [detail, setDetail] = React.useState<SubmissionDetail | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [rejecting, setRejecting] = React.useState(false);
  const [reason, setReason] = React.useState<RejectReason | ''>('');
  const [text, setText] = React.useState('');
  const [formError, setFormError] = React.useState<{ reason?: string; text?: string }>({});
  const noticeRef = React.useRef<HTMLDivElement>(null);

  const load = React.useCallback(() => {
    get<{ data: SubmissionDetail }>(`/admin/co/submissions/${id}`).then(
      (response) => setDetail(response.data.data),
      (failure: unknown) => setError(failureText(failure)),
    );
  }, [get, id]);
  React.useEffect(load, [load]);
  React.useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  async function send(body: Record<string, unknown>, done: string) {
    setBusy(true);
    setNotice(null);
    try {
      // Every answer is read, errors too: a refused publication names the fields to fix.
      // `seen`: the version the editor looked at; the CMS refuses the decision if the organisation changed it since.
      const response = await post<DecisionAnswer>(`/admin/co/submissions/${id}/decision`, { ...body, seen: detail?.submission.submittedAt }, { validateStatus: () => true });
      // Strapi's fetch client gives no status for a JSON answer; an error answer carries `error`.
      const answer = response.data;
      if (answer.error || !answer.data) {
        const fields = answer.error?.details?.errors ?? [];
        if (body.decision === 'reject') setFormError(Object.fromEntries(fields.map((field) => [field.path[0], field.message])));
        setNotice({ tone: 'danger', message: answer.error?.message ?? 'Serwer nie potwierdził decyzji – odśwież stronę i sprawdź jej stan.', fields: body.decision === 'reject' ? [] : fields });
        return;
      }
      const mailed = answer.data.mailed ? ` Wysłano e-mail do ${answer.data.mailedTo}.` : answer.data.mailedTo ? ` Nie udało się wysłać e-maila do ${answer.data.mailedTo} – napisz do organizacji sam(a).` : '';
      setNotice({ tone: answer.data.mailed || !answer.data.mailedTo ? 'success' : 'danger', message: `${done}${mailed}` });
      setRejecting(false);
      load();
      get<{ data: WaitingCounts }>('/admin/co/submissions/count').then((counts) => announce(counts.data.data), () => undefined);
    } catch (failure) {
      setNotice({ tone: 'danger', message: `Nie udało się zapisać decyzji: ${failureText(failure)}` });
    } finally {
      setBusy(false);
    }
  }

  function reject(event: React.FormEvent) {
    event.preventDefault();
    const problems: { reason?: string; text?: string } = {};
    if (!reason) problems.reason = 'Wybierz powód odrzucenia.';
    if (reason === 'other' && text.trim() === '') problems.text = 'Przy „Inny powód” napisz, dlaczego odrzucasz zgłoszenie.';
    if (text.length > REASON_TEXT_MAX) problems.text = `Najwyżej ${REASON_TEXT_MAX} znaków.`;
    setFormError(problems);
    if (Object.keys(problems).length > 0) return;
    void send({ decision: 'reject', reason, text }, 'Odrzucono zgłoszenie.');
  }

  const back = (
    <TextButton onClick={onBack}>
      ← Wróć do listy zgłoszeń
    </TextButton>
  );
  if (error) return <Flex direction="column" alignItems="flex-start" gap={4}>{back}<Typography textColor="danger600">Nie udało się wczytać zgłoszenia: {error}</Typography></Flex>;
  if (!detail) return <Typography>Wczytywanie zgłoszenia…</Typography>;
  const { submission, changes, join, target } = detail;
  const isNew = submission.kind !== 'join' && !detail.hasPublishedVersion;

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box>{back}</Box>
      <Box>
        <Typography tag="h2" variant="beta">
          {KIND_LABELS[submission.kind]}: {submission.title}
        </Typography>
        <Typography tag="p" textColor="neutral600">
          {submission.organizationName ?? 'nowa organizacja'} · {submission.kind === 'join' ? 'prośba o dołączenie' : CHANGE_LABELS[submission.change]} · zgłoszono {when(submission.submittedAt)}
          {submission.submittedBy ? ` przez ${submission.submittedBy}` : ''} · stan: {STATE_LABELS[submission.state]}
          {submission.decidedBy ? ` (${submission.decidedBy}, ${when(submission.decidedAt)})` : ''}
        </Typography>
        {submission.reason && (
          <Typography tag="p">
            Powód odrzucenia: {REJECT_REASONS[submission.reason]}
            {submission.reasonText ? ` – „${submission.reasonText}”` : ''}
          </Typography>
        )}
        {target && detail.targetExists && (
          <Link href={`/admin/content-manager/collection-types/${target.uid}/${target.documentId}`}>
            {submission.state === 'pending' ? 'Otwórz wpis w Menedżerze treści (tam można poprawić szkic przed zatwierdzeniem)' : 'Otwórz wpis w Menedżerze treści'}
          </Link>
        )}
        {target && !detail.targetExists && <Typography tag="p" textColor="danger600">Wpis, którego dotyczy zgłoszenie, został usunięty.</Typography>}
      </Box>

      {notice && (
        <Box ref={noticeRef} tabIndex={-1} role={notice.tone === 'danger' ? 'alert' : 'status'} padding={4} hasRadius background={notice.tone === 'danger' ? 'danger100' : 'success100'} borderColor={notice.tone === 'danger' ? 'danger600' : 'success600'}>
          <Typography tag="p" fontWeight="bold">{notice.message}</Typography>
          {notice.fields && notice.fields.length > 0 && (
            <ul>
              {notice.fields.map((field) => (
                <li key={field.path.join('.') + field.message}>
                  <Typography>{field.message}</Typography>
                </li>
              ))}
            </ul>
          )}
        </Box>
      )}

      {changes && (
        <Box>
          <Typography tag="h3" variant="delta">
            {isNew ? 'Treść nowego wpisu' : 'Co się zmieni na stronie'}
          </Typography>
          {changes.length === 0 ? (
            <Typography tag="p">{submission.state === 'pending' ? 'Szkic nie różni się od wersji na stronie.' : 'Wersja robocza jest taka sama jak opublikowana.'}</Typography>
          ) : (
            <Table colCount={isNew ? 2 : 3} rowCount={changes.length + 1} aria-label={isNew ? 'Pola nowego wpisu' : 'Zmienione pola: teraz na stronie i po zmianie'}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Pole</Typography></Th>
                  {!isNew && <Th><Typography variant="sigma">Teraz na stronie</Typography></Th>}
                  <Th><Typography variant="sigma">Po zmianie</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {changes.map((change) => (
                  <Tr key={change.field}>
                    <Td><Typography fontWeight="bold">{change.label}</Typography></Td>
                    {!isNew && <Td style={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }}><Typography>{change.before || '–'}</Typography></Td>}
                    <Td style={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }}><Typography>{change.after || '–'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Box>
      )}

      {join && (
        <Box>
          <Typography tag="h3" variant="delta">
            Dane z prośby o dołączenie
          </Typography>
          <Table colCount={2} rowCount={join.length + 1} aria-label="Dane z prośby o dołączenie">
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">Pole</Typography></Th>
                <Th><Typography variant="sigma">Wartość</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {join.map((row) => (
                <Tr key={row.field}>
                  <Td><Typography fontWeight="bold">{row.label}</Typography></Td>
                  <Td style={{ whiteSpace: 'pre-wrap' }}><Typography>{row.value || '–'}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      )}

      {submission.state === 'pending' && (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={2} wrap="wrap">
            <Button onClick={() => void send({ decision: 'approve' }, 'Zatwierdzono i opublikowano.')} loading={busy} disabled={busy}>
              Zatwierdź i opublikuj
            </Button>
            <Button variant="secondary" onClick={() => setRejecting((shown) => !shown)} disabled={busy} aria-expanded={rejecting} aria-controls="co-reject-form">
              Odrzuć
            </Button>
            <Dialog.Root>
              <Dialog.Trigger>
                <Button variant="danger-light" disabled={busy}>
                  Spam
                </Button>
              </Dialog.Trigger>
              <Dialog.Content>
                <Dialog.Header>Oznaczyć jako spam?</Dialog.Header>
                <Dialog.Body>
                  <Typography tag="p">
                    {submission.kind === 'join'
                      ? 'Prośba zostanie odłożona bez odpowiedzi.'
                      : isNew
                        ? 'Szkic zostanie usunięty, organizacja nie dostanie wiadomości, a jej licznik spamu wzrośnie.'
                        : 'Zmiany zostaną odrzucone (na stronie zostaje obecna wersja), organizacja nie dostanie wiadomości, a jej licznik spamu wzrośnie.'}
                  </Typography>
                </Dialog.Body>
                <Dialog.Footer>
                  <Dialog.Cancel>
                    <Button variant="tertiary">Anuluj</Button>
                  </Dialog.Cancel>
                  <Dialog.Action>
                    <Button variant="danger" onClick={() => void send({ decision: 'spam' }, 'Oznaczono jako spam.')}>
                      Tak, to spam
                    </Button>
                  </Dialog.Action>
                </Dialog.Footer>
              </Dialog.Content>
            </Dialog.Root>
          </Flex>
          {rejecting && (
            <Box tag="form" id="co-reject-form" onSubmit={reject} noValidate padding={4} hasRadius background="neutral0" borderColor="neutral200" aria-label="Odrzucenie zgłoszenia">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Field.Root name="reason" required error={formError.reason}>
                  <Field.Label>Powód odrzucenia</Field.Label>
                  <SingleSelect value={reason} onChange={(value: string | number) => setReason(String(value) as RejectReason)} placeholder="Wybierz powód">
                    {REJECT_REASON_KEYS.map((key) => (
                      <SingleSelectOption key={key} value={key}>
                        {REJECT_REASONS[key]}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
                <Field.Root name="text" required={reason === 'other'} error={formError.text} hint={`Trafi do e-maila z decyzją, do ${REASON_TEXT_MAX} znaków${reason === 'other' ? '; przy „Inny powód” wymagane' : ' (opcjonalne)'}.`}>
                  <Field.Label>Wyjaśnienie dla organizacji</Field.Label>
                  <Textarea value={text} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value)} maxLength={REASON_TEXT_MAX} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
                <Box>
                  <Button type="submit" variant="danger" loading={busy} disabled={busy}>
                    Odrzuć zgłoszenie
                  </Button>
                </Box>
              </Flex>
            </Box>
          )}
        </Flex>
      )}

      {submission.state === 'published_trusted' && (
        <Flex gap={2}>
          <Button onClick={() => void send({ decision: 'reviewed' }, 'Oznaczono jako przejrzane.')} loading={busy} disabled={busy}>
            Przejrzane
          </Button>
          <Typography textColor="neutral600">Wpis jest już na stronie. Jeśli nie powinien, wycofaj publikację w Menedżerze treści.</Typography>
        </Flex>
      )}
    </Flex>
  );
}
