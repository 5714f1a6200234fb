import { useT } from '../i18n/language-store';
import { documentsPath } from './network-documents-store';
import './network-documents.css';

/** The way into a network's document space, on the home and on the network page. */
export function NetworkDocumentsLink({ networkId }: { networkId: string }) {
  const t = useT();
  return (
    <a href={documentsPath(networkId)} className="documents-link" data-testid="documents-link">
      {t('documents.link')}
    </a>
  );
}
