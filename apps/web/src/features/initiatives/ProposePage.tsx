import {
  INITIATIVE_KINDS,
  PROPOSER_TYPES,
  publicInitiativeRoutes,
  TASK_CATEGORIES,
  type ProposeInitiativeBody,
} from '@pilotage/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { ApiError, call, callWith } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { TextField } from '../../ui/Field.tsx';
import { SubmitFooter, useSubmit } from '../../ui/useSubmit.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { TextAreaField } from '../reports/TextAreaField.tsx';
import { useFacets } from './initiatives.ts';

type Body = z.input<typeof ProposeInitiativeBody>;
const EMPTY = {
  title: '',
  kind: 'solution',
  domain: 'digital_government',
  trl: '5',
  description: '',
  name: '',
  organisation: '',
  type: 'business',
  email: '',
  phone: '',
  province: '',
  website: '',
};

/** `/public/initiatives/propose`: anybody proposes an initiative; files go up with the proposal's secret. */
export function ProposePage() {
  const t = useT();
  const facets = useFacets();
  const [f, setF] = useState(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const submission = useSubmit();
  const { errors } = submission;
  usePageTitle(t('initiatives.propose'));
  const bind = (key: keyof typeof EMPTY) => ({
    value: f[key],
    onChange: (e: { target: { value: string } }) => setF((v) => ({ ...v, [key]: e.target.value })),
  });

  const check = () => {
    const local: Record<string, string> = {};
    if (f.title.trim().length < 5) local.title = t('initiatives.form.tooShort');
    if (f.description.trim().length < 20) local.description = t('initiatives.form.tooShort');
    if (!f.name.trim()) local['proposer.name'] = t('initiatives.form.required');
    return local;
  };
  const send = async () => {
    const body: Body = {
      title: f.title.trim(),
      kind: f.kind as Body['kind'],
      domain: f.domain as Body['domain'],
      trl: Number(f.trl),
      description: f.description.trim(),
      proposer: {
        name: f.name.trim(),
        type: f.type as Body['proposer']['type'],
        organisation: f.organisation.trim() || null,
        email: f.email.trim() || null,
        phone: f.phone.trim() || null,
      },
      provinceCode: f.province || null,
      ...(f.website ? { website: f.website } : {}),
    };
    const { code, secret } = await call(publicInitiativeRoutes.propose, { body });
    const failed: string[] = [];
    for (const file of files) {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        await callWith(
          publicInitiativeRoutes.attach,
          { params: { code }, query: { secret } },
          { formData: form },
        );
      } catch (err) {
        failed.push(
          t('initiatives.form.fileFailed', {
            name: file.name,
            reason: err instanceof ApiError ? err.message : String(err),
          }),
        );
      }
    }
    setProblems(failed);
    setF(EMPTY);
    setFiles([]);
    return t('initiatives.form.sent', { code });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submission.submit(check, send);
  };
  const options = (list: readonly string[], label: (v: string) => string) =>
    list.map((v) => (
      <option key={v} value={v}>
        {label(v)}
      </option>
    ));

  return (
    <>
      <p>
        <Link to="/public/initiatives">{t('initiatives.back')}</Link>
      </p>
      <h1>{t('initiatives.propose')}</h1>
      <form className="card report-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('initiatives.form.title')}
          error={errors.title}
          maxLength={300}
          {...bind('title')}
        />
        <div className="field">
          <label htmlFor="p-kind">{t('initiatives.kind')}</label>
          <select id="p-kind" {...bind('kind')}>
            {options(INITIATIVE_KINDS, (v) => t(`initiatives.kind.${v as 'product'}`))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="p-domain">{t('initiatives.domain')}</label>
          <select id="p-domain" {...bind('domain')}>
            {options(TASK_CATEGORIES, (v) => t(`tasks.category.${v as 'data'}`))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="p-trl">{t('initiatives.trl')}</label>
          <select id="p-trl" {...bind('trl')}>
            {options(['1', '2', '3', '4', '5', '6', '7', '8', '9'], (v) =>
              t('initiatives.trlShort', { trl: v }),
            )}
          </select>
        </div>
        <TextAreaField
          label={t('initiatives.form.description')}
          hint={t('initiatives.form.descriptionHint')}
          rows={6}
          error={errors.description}
          {...bind('description')}
        />
        <div className="field">
          <label htmlFor="p-province">{t('initiatives.province')}</label>
          <select id="p-province" {...bind('province')}>
            <option value="">{t('initiatives.form.none')}</option>
            {(facets.data?.provinces ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('initiatives.proposer')}</legend>
          <div className="field">
            <label htmlFor="p-type">{t('initiatives.proposerType')}</label>
            <select id="p-type" {...bind('type')}>
              {options(PROPOSER_TYPES, (v) => t(`initiatives.proposer.${v as 'citizen'}`))}
            </select>
          </div>
          <TextField
            label={t('initiatives.form.name')}
            hint={t('initiatives.form.nameHint')}
            error={errors['proposer.name']}
            autoComplete="name"
            {...bind('name')}
          />
          <TextField
            label={t('initiatives.form.organisation')}
            autoComplete="organization"
            {...bind('organisation')}
          />
          <TextField
            label={t('initiatives.form.email')}
            hint={t('initiatives.form.contactHint')}
            type="email"
            autoComplete="email"
            error={errors['proposer.email']}
            {...bind('email')}
          />
          <TextField
            label={t('initiatives.form.phone')}
            type="tel"
            autoComplete="tel"
            error={errors['proposer.phone']}
            {...bind('phone')}
          />
        </fieldset>
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="p-website">{t('initiatives.form.website')}</label>
          <input id="p-website" tabIndex={-1} autoComplete="off" {...bind('website')} />
        </div>
        <div className="field">
          <label htmlFor="p-files">{t('initiatives.form.files')}</label>
          <input
            id="p-files"
            type="file"
            multiple
            accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.webp,.gif"
            onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 5))}
          />
        </div>
        {problems.map((p) => (
          <p key={p} className="field-error">
            {p}
          </p>
        ))}
        <SubmitFooter state={submission} label={t('initiatives.form.send')} />
      </form>
    </>
  );
}
