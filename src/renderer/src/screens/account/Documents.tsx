// Documents printed for this guarantor (receipts, letters): each kept as printed, and opened again
// from the store (documents:get), never regenerated.
import type { DocumentView } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import { FormAlert } from '../../components/Field';
import { formatInstant } from '../../format';
import { useOpenStoredDocument } from '../../storedDocument';
import { DataTable } from '../../components/DataTable';

export function Documents({ documents, onOpen }: { documents: DocumentView[]; onOpen: (file: FileHandle) => void }) {
  const { opening, error, open } = useOpenStoredDocument(onOpen);
  return (
    <section className="ws-section" aria-labelledby="ws-documents">
      <h2 id="ws-documents">
        Documents <span className="count">{documents.length}</span>
      </h2>
      <FormAlert message={error} />
      <DataTable
        caption="Documents printed"
        rows={documents}
        rowKey={(d) => d.id}
        empty="Nothing has been printed for this guarantor yet."
        columns={[
          { header: 'Printed', className: 'nowrap', cell: (d) => formatInstant(d.createdAt) },
          { header: 'Document', cell: (d) => d.title },
          { header: 'File', className: 'mono wrap', cell: (d) => d.fileName },
          { header: 'By', cell: (d) => d.by ?? <span className="muted">—</span> },
          {
            header: 'Actions',
            headerHidden: true,
            className: 'row-actions',
            cell: (d) => (
              <button
                type="button"
                className="small"
                aria-label={`Open ${d.title}`}
                disabled={opening === d.id}
                onClick={() => void open(d.id)}
              >
                Open
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}
