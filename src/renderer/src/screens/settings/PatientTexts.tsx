// Settings: every text a patient document prints, English beside Spanish, for the hospital to
// review (LANG-01). The texts are the shipped catalog (src/shared/wording), read-only here; the
// hospital's own texts (office hours, the plain-language summary) are edited in the form above.
import { DOCUMENT_LANGUAGE_NAMES } from '../../../../shared/rules/documentLanguage';
import { PATIENT_TEXT_GROUPS } from '../../../../shared/wording/catalog';

export function PatientTexts() {
  return (
    <section className="patient-texts" aria-labelledby="patient-texts-title">
      <h2 id="patient-texts-title">Patient document wording</h2>
      <p className="field-hint">
        Statements, final notices, the plain-language summary, plan agreements, plan letters and receipts print in{' '}
        {DOCUMENT_LANGUAGE_NAMES.en} or {DOCUMENT_LANGUAGE_NAMES.es}, by the guarantor&rsquo;s language: Spanish when it
        is recorded as Spanish, Español, es or spa, English otherwise. Here is every text they print, side by side.
        Words in braces, like {'{amount}'}, are filled in when the document is printed. These texts come with Recoup;
        the office hours and the plain-language summary above are the hospital&rsquo;s own.
      </p>
      {PATIENT_TEXT_GROUPS.map((group) => {
        const texts = Object.entries(group.texts);
        return (
          <details key={group.id} className="text-group">
            <summary>
              {group.title} <span className="muted">({texts.length} texts)</span>
            </summary>
            <table className="text-pairs">
              <caption className="visually-hidden">{group.title}: each text in English and in Spanish</caption>
              <thead>
                <tr>
                  <th scope="col">{DOCUMENT_LANGUAGE_NAMES.en}</th>
                  <th scope="col">{DOCUMENT_LANGUAGE_NAMES.es}</th>
                </tr>
              </thead>
              <tbody>
                {texts.map(([key, text]) => (
                  <tr key={key}>
                    <td>{text.en}</td>
                    <td lang="es">{text.es}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}
