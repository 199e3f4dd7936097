import { DATABASE_KINDS, qualityRoutes, type OrgUnit } from '@pilotage/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { SubmitFooter, useSubmit } from '../../ui/useSubmit.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { useSession } from '../identity/session.tsx';
import { GradeBadge, Score, Trend } from './quality.tsx';
import '../tasks/tasks.css';

/** `/quality`: the register of databases in the caller's scope; owners register new ones. */
export function RegisterPage() {
  const t = useT();
  const { hasRole } = useSession();
  const list = useQuery({
    queryKey: ['quality', 'databases'],
    queryFn: () => call(qualityRoutes.listDatabases),
  });
  usePageTitle(t('quality.register.title'));
  return (
    <>
      <h1>{t('quality.register.title')}</h1>
      <p>{t('quality.register.intro')}</p>
      <p>
        <Link to="/quality/rankings">{t('quality.nav.rankings')}</Link>
      </p>
      {hasRole('admin', 'steering', 'unit_lead', 'officer') && <RegisterForm />}
      <ErrorNotice error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('quality.register.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t('quality.register.title')} tabIndex={0}>
          <table className="table table-compact" data-testid="databases">
            <thead>
              <tr>
                <th scope="col">{t('quality.col.database')}</th>
                <th scope="col">{t('quality.col.owner')}</th>
                <th scope="col">{t('quality.col.kind')}</th>
                <th scope="col" className="num">
                  {t('quality.col.score')}
                </th>
                <th scope="col">{t('quality.col.grade')}</th>
                <th scope="col" className="num">
                  {t('quality.col.trend')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={`/quality/databases/${d.id}`}>{d.name}</Link>
                  </th>
                  <td>{d.owner.name}</td>
                  <td>{t(`quality.kind.${d.kind}`)}</td>
                  <td className="num">
                    <Score value={d.latest?.score ?? null} />
                  </td>
                  <td>
                    <GradeBadge grade={d.latest?.grade ?? null} />
                  </td>
                  <td className="num">
                    <Trend value={d.latest?.trend ?? null} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function RegisterForm() {
  const t = useT();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const state = useSubmit();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState<OrgUnit | null>(null);
  const [kind, setKind] = useState<(typeof DATABASE_KINDS)[number]>('specialised');
  const [legal, setLegal] = useState('');
  const [connected, setConnected] = useState(false);
  const [apis, setApis] = useState('');
  const [createdId, setCreatedId] = useState<string | null>(null);
  if (!open)
    return (
      <p>
        <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
          {t('quality.register.new')}
        </button>
      </p>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void state.submit(
      (): Record<string, string> => (name.trim() ? {} : { name: t('quality.field.name') }),
      async () => {
        const res = await call(qualityRoutes.createDatabase, {
          body: {
            name: name.trim(),
            ownerUnitId: owner?.id ?? me!.unit.id,
            kind,
            legalBasis: legal.trim() || null,
            connectedToPlatform: connected,
            sharedApis: apis
              .split('\n')
              .map((a) => a.trim())
              .filter(Boolean),
          },
        });
        setCreatedId(res.id);
        await queryClient.invalidateQueries({ queryKey: ['quality'] });
        return t('quality.register.created');
      },
    );
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="register-title">
      <h2 id="register-title">{t('quality.register.new')}</h2>
      <TextField
        label={t('quality.field.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={state.errors.name}
        required
      />
      <OrgUnitPicker
        label={t('quality.field.owner')}
        hint={t('quality.field.ownerHint')}
        value={owner}
        onChange={setOwner}
        error={state.errors.ownerUnitId}
      />
      <div className="field">
        <label htmlFor="quality-kind">{t('quality.field.kind')}</label>
        <select id="quality-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {DATABASE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`quality.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('quality.field.legalBasis')}
        value={legal}
        onChange={(e) => setLegal(e.target.value)}
      />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={connected} onChange={(e) => setConnected(e.target.checked)} />{' '}
          {t('quality.field.connected')}
        </label>
      </div>
      <div className="field">
        <label htmlFor="quality-apis">{t('quality.field.apis')}</label>
        <textarea id="quality-apis" rows={2} value={apis} onChange={(e) => setApis(e.target.value)} />
      </div>
      <SubmitFooter state={state} label={t('quality.register.new')} />
      {createdId && (
        <p>
          <Link to={`/quality/databases/${createdId}`} data-testid="created-link">
            {name}
          </Link>
        </p>
      )}
    </form>
  );
}
