// Earlier lapse-letter batches (letters:batches): each printed PDF is kept as it was printed and
// opened again from the store (documents:get), to reprint a letter that went astray.
import type { ChannelOutput } from '../../../../shared/contract';
import type { FileHandle } from '../../../../shared/schemas/files';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { formatInstant } from '../../format';
import { useOpenStoredDocument } from '../../storedDocument';

type Batch = ChannelOutput<'letters:batches'>[number];

interface LetterBatchesProps {
  batches: Batch[] | null;
  error: string | null;
  onOpen: (file: FileHandle) => void;
}

export function LetterBatches({ batches, error, onOpen }: LetterBatchesProps) {
  const { opening, error: openError, open } = useOpenStoredDocument(onOpen);
  return (
    <section className="letter-batches" aria-labelledby="letter-batches">
      <h2 id="letter-batches">Earlier lapse-letter batches</h2>
      <FormAlert message={error ?? openError} />
      {batches && (
        <DataTable
          caption="Lapse-letter batches printed, newest first"
          scrollClassName="batches-scroll"
          rows={batches}
          rowKey={(b) => b.documentId}
          empty="No lapse letters have been printed yet."
          columns={[
            { header: 'Printed', className: 'nowrap', cell: (b) => formatInstant(b.createdAt) },
            { header: 'Batch', cell: (b) => b.title },
            { header: 'By', cell: (b) => b.by ?? <span className="muted">—</span> },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (b) => (
                <button
                  type="button"
                  className="small"
                  aria-label={`Open ${b.title}`}
                  disabled={opening === b.documentId}
                  onClick={() => void open(b.documentId)}
                >
                  {opening === b.documentId ? 'Opening…' : 'Open'}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
