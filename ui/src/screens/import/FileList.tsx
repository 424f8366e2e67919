// The history of imported files: a table of the workspace's files, or an empty state. The test
// ids and the cell texts (name, format, row count, import time in the workspace zone as
// "YYYY-MM-DD HH:mm", importer) are what the desktop e2e test reads; the zone is named in the
// column's header, so the cell keeps that exact text.

import { useEffect, useState } from "react";
import type { ImportedFile } from "../../ipc";
import { useApp } from "../../app/context";
import { useI18n } from "../../i18n/i18n";
import { errorText } from "../../app/errors";
import { formatTime, withZone } from "../../format/time";

export function FileList({ version }: { version: number }) {
  const { backend, zone } = useApp();
  const i18n = useI18n();
  const { t, count } = i18n;
  const [files, setFiles] = useState<ImportedFile[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    backend.listFiles().then(
      (f) => live && (setFiles(f), setError(null)),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [backend, version]);

  if (error) {
    return (
      <p className="error" role="alert" data-testid="files-error">
        {t("files.error", { message: errorText(i18n, error) })}
      </p>
    );
  }
  if (files === null) {
    return <p data-testid="files-loading" aria-busy="true">{t("common.loading")}</p>;
  }
  if (files.length === 0) {
    return <p className="empty" data-testid="files-empty">{t("files.empty")}</p>;
  }
  return (
    <table className="files" data-testid="files-table">
      <thead>
        <tr>
          <th scope="col">{t("files.col.name")}</th>
          <th scope="col">{t("files.col.format")}</th>
          <th scope="col" className="num">{t("files.col.rows")}</th>
          <th scope="col">{withZone(t("files.col.imported_at"), zone, i18n.lang)}</th>
          <th scope="col">{t("files.col.by")}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.id} data-testid="file-row" data-file-id={file.id}>
            <td data-testid="file-name" title={file.sha256}>{file.name}</td>
            <td data-testid="file-format">{file.format}</td>
            <td
              data-testid="file-rows"
              className="num"
              title={t("files.breakdown", {
                new: count(file.rows_new),
                known: count(file.rows_known),
                conflicting: count(file.rows_conflicting),
                updated: count(file.rows_updated),
                rejected: count(file.rows_rejected),
              })}
            >
              {count(file.rows_total)}
            </td>
            <td data-testid="file-imported-at" title={file.imported_at}>{formatTime(file.imported_at, zone)}</td>
            <td data-testid="file-imported-by">{file.imported_by}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
