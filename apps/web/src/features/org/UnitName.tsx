import { Link } from 'react-router-dom';
import { useOrgUnit, useUnitName } from './org.ts';

/** The name of an org unit known by id (cached), linking to its page. */
export function UnitName({ id, link = true }: { id: string; link?: boolean }) {
  const nameOf = useUnitName();
  const { data } = useOrgUnit(id);
  if (!data) return <span className="muted">…</span>;
  return link ? <Link to={`/org/${id}`}>{nameOf(data)}</Link> : <>{nameOf(data)}</>;
}
