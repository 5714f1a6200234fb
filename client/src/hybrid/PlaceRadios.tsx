import type { Location } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { Icon } from '../ui/icons';
import './hybrid.css';

/** "Na sali / On-line" as two radio buttons (the join form and the menu). */
export function PlaceRadios({
  value,
  onChange,
  name,
}: {
  value: Location | null;
  onChange: (where: Location) => void;
  name: string;
}) {
  const t = useT();
  const options: Location[] = ['room', 'online'];
  return (
    <div className="hy-segmented hy-place-radios">
      {options.map((option) => (
        <label key={option} className={option === value ? 'is-checked' : undefined}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={option === value}
            onChange={() => onChange(option)}
            data-testid={`place-${option}`}
          />
          <Icon name={option === 'room' ? 'room' : 'online'} />
          {t(option === 'room' ? 'place.room' : 'place.online')}
        </label>
      ))}
    </div>
  );
}
