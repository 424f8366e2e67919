// The window's own wording for the few catalog sentences written for the command line: they
// name CLI flags and commands (`--skip-bad-rows`, `cuadra-cli period verify`) that a person in
// the window cannot type. Here each says what to do in the window instead; the arguments ({0}...)
// are the catalog's, so the backend's message still carries every specific. Exports and the CLI
// keep the catalog's text (backend.generated.ts is generated from the core and never edited).

import type { Lang } from "../ipc/types";

export const WINDOW_WORDING: Record<string, Record<Lang, string>> = {
  "audit.actor.empty": {
    en: "no one is named as the person acting: enter your name in Settings",
    es: "no se indicó quién realiza la acción: escriba su nombre en Ajustes",
    zh: "未指明操作人：请在“设置”中填写您的姓名",
  },
  "ingest.rows_rejected": {
    en: "{0} of {1} rows could not be read, so nothing was imported. Fix those rows and import again, or tick “Import the readable rows and skip the bad ones” to take the readable rows now",
    es: "{0} de {1} filas no se pudieron leer, por lo que no se importó nada. Corrija esas filas e importe de nuevo, o marque “Importar las filas legibles y omitir las erróneas” para importar ahora las filas legibles",
    zh: "{1} 行中有 {0} 行无法读取，因此未导入任何内容。请修正这些行后重新导入，或勾选“导入可读取的行，跳过错误行”，立即导入可读取的行",
  },
  "ingest.structure_broken": {
    en: "the file cannot be read safely as it is (see the problems above), so nothing of it was imported, not even the readable rows: fix what they name, or export the file again, and import it again",
    es: "el archivo no se puede leer con seguridad tal como está (vea los problemas anteriores), así que no se importó nada de él, ni siquiera las filas legibles: corrija lo que indican, o exporte el archivo de nuevo, e impórtelo otra vez",
    zh: "该文件按现状无法可靠读取（见上面的问题），因此未导入任何内容，可读取的行也未导入：请修正所列问题或重新导出文件，然后再次导入",
  },
  "ingest.unknown_layout": {
    en: "no known layout matches this file ({0}): its columns must be mapped once with a column profile (ask whoever set up Cuadra), then import it again",
    es: "ningún formato conocido coincide con este archivo ({0}): hay que asignar sus columnas una vez con un perfil de columnas (pídalo a quien configuró Cuadra) y luego importarlo de nuevo",
    zh: "没有已知格式与此文件匹配（{0}）：需要先用列配置将其列映射一次（请联系 Cuadra 的配置人员），然后重新导入",
  },
  "store.no_workspace": {
    en: "there is no workspace at {0}: check the path, or create a new workspace there from the first screen",
    es: "no hay un espacio de trabajo en {0}: revise la ruta, o cree uno nuevo allí desde la pantalla inicial",
    zh: "{0} 处没有工作区：请检查路径，或在首页于该处新建工作区",
  },
  "store.damaged": {
    en: "the workspace {0} is damaged (SQLite's page check: {1}); nothing was written to it. Restore it from your last backup",
    es: "el espacio de trabajo {0} está dañado (revisión de páginas de SQLite: {1}); no se escribió nada en él. Restáurelo desde su última copia de seguridad",
    zh: "工作区 {0} 已损坏（SQLite 页面检查：{1}）；未向其写入任何内容。请从最近的备份恢复",
  },
  "verify.seal": {
    en: "period {0} is closed, but its sealed records do not verify (since the close: changed {1}, added {2}, removed {3}): reopen the period in Audit to review what changed",
    es: "el período {0} está cerrado, pero sus registros sellados no se verifican (desde el cierre: cambiados {1}, agregados {2}, quitados {3}): reabra el período en Auditoría para revisar lo que cambió",
    zh: "期间 {0} 已关闭，但其封存记录未通过核验（自关闭以来：更改 {1} 项、新增 {2} 项、移除 {3} 项）：请在“审计”中重新打开该期间，查看变更内容",
  },
};
