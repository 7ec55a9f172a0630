// Documents printed for this guarantor (receipts, letters): each kept as printed, and opened again
// from the store (documents:get), never regenerated.
import type { DocumentView } from '../../../../shared/schemas/accounts';
import type { FileOut } from '../../../../shared/schemas/files';
import { FormAlert } from '../../components/Field';
import { formatInstant } from '../../format';
import { useOpenStoredDocument } from '../../storedDocument';

export function Documents({ documents, onOpen }: { documents: DocumentView[]; onOpen: (file: FileOut) => void }) {
  const { opening, error, open } = useOpenStoredDocument(onOpen);
  return (
    <section className="ws-section" aria-labelledby="ws-documents">
      <h2 id="ws-documents">
        Documents <span className="count">{documents.length}</span>
      </h2>
      <FormAlert message={error} />
      {documents.length === 0 ? (
        <p className="muted">Nothing has been printed for this guarantor yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Printed</th>
                <th scope="col">Document</th>
                <th scope="col">File</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{formatInstant(d.createdAt)}</td>
                  <td>{d.title}</td>
                  <td className="mono wrap">{d.fileName}</td>
                  <td>{d.by ?? <span className="muted">—</span>}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={`Open ${d.title}`}
                      disabled={opening === d.id}
                      onClick={() => void open(d.id)}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
