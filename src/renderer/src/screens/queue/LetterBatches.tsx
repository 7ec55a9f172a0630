// Earlier lapse-letter batches (letters:batches): each printed PDF is kept as it was printed and
// opened again from the store (documents:get), to reprint a letter that went astray.
import type { ChannelOutput } from '../../../../shared/contract';
import type { FileOut } from '../../../../shared/schemas/files';
import { FormAlert } from '../../components/Field';
import { formatInstant } from '../../format';
import { useOpenStoredDocument } from '../../storedDocument';

type Batch = ChannelOutput<'letters:batches'>[number];

interface LetterBatchesProps {
  batches: Batch[] | null;
  error: string | null;
  onOpen: (file: FileOut) => void;
}

export function LetterBatches({ batches, error, onOpen }: LetterBatchesProps) {
  const { opening, error: openError, open } = useOpenStoredDocument(onOpen);
  return (
    <section className="letter-batches" aria-labelledby="letter-batches">
      <h2 id="letter-batches">Earlier lapse-letter batches</h2>
      <FormAlert message={error ?? openError} />
      {batches &&
        (batches.length === 0 ? (
          <p className="muted">No lapse letters have been printed yet.</p>
        ) : (
          <div className="table-scroll batches-scroll">
            <table className="table">
              <caption className="visually-hidden">Lapse-letter batches printed, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Printed</th>
                  <th scope="col">Batch</th>
                  <th scope="col">By</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.documentId}>
                    <td className="nowrap">{formatInstant(b.createdAt)}</td>
                    <td>{b.title}</td>
                    <td>{b.by ?? <span className="muted">—</span>}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="small"
                        aria-label={`Open ${b.title}`}
                        disabled={opening === b.documentId}
                        onClick={() => void open(b.documentId)}
                      >
                        {opening === b.documentId ? 'Opening…' : 'Open'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
