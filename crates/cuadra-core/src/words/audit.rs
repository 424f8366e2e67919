//! Why an audit event does not verify, in Spanish (Colombia), English and Simplified Chinese
//! (see `crate::words`). Shown by the app's chain check and inside the errors of acts that
//! refuse to run on a broken trail (closing a period, purging, the audit bundle).

crate::catalog! {
    pub static ENTRIES;

    /// {0} the last number before the gap, {1} the number found.
    SEQ_JUMP = "audit.why.seq_jump" {
        en: "the sequence jumps from {0} to {1}: events are missing",
        es: "la numeración salta de {0} a {1}: faltan eventos",
        zh: "序号从 {0} 跳到 {1}：有事件缺失",
    }
    NOT_TEXT = "audit.why.not_text" {
        en: "its fields are not text as written: it was changed after it was written",
        es: "sus campos no son texto como se escribieron: se modificó después de registrarse",
        zh: "其字段已不是写入时的文本：写入后被修改过",
    }
    PREV_HASH = "audit.why.prev_hash" {
        en: "its prev_hash is not the hash of the event before it",
        es: "su prev_hash no es el hash del evento anterior",
        zh: "其 prev_hash 不是前一个事件的哈希",
    }
    CONTENT = "audit.why.content" {
        en: "its content does not match its hash: it was changed after it was written",
        es: "su contenido no coincide con su hash: se modificó después de registrarse",
        zh: "其内容与哈希不符：写入后被修改过",
    }
    BAD_HASH = "audit.why.bad_hash" {
        en: "its stored hash is not 64 hex digits",
        es: "su hash guardado no tiene 64 dígitos hexadecimales",
        zh: "其存储的哈希不是 64 位十六进制数字",
    }

    // Who signs an act.
    ACTOR_EMPTY = "audit.actor.empty" {
        en: "no one is named as the person acting: give your name with --actor NAME (or the actor setting)",
        es: "no se indicó quién realiza la acción: escriba su nombre con --actor NOMBRE (o en el ajuste actor)",
        zh: "未指明操作人：请用 --actor 姓名（或 actor 设置）填写您的名字",
    }
    /// {0} the longest name accepted.
    ACTOR_TOO_LONG = "audit.actor.too_long" {
        en: "the name of the person acting is longer than {0} characters: give a shorter name",
        es: "el nombre de quien realiza la acción tiene más de {0} caracteres: escriba un nombre más corto",
        zh: "操作人姓名超过 {0} 个字符：请使用更短的名字",
    }
    ACTOR_NOT_PRINTABLE = "audit.actor.not_printable" {
        en: "the name of the person acting holds a line break or another invisible character, which could forge a line of the audit log: give the name on one line, in visible characters",
        es: "el nombre de quien realiza la acción contiene un salto de línea u otro carácter invisible, con el que se podría falsear una línea del registro de auditoría: escriba el nombre en una sola línea, con caracteres visibles",
        zh: "操作人姓名包含换行或其他不可见字符，可能伪造审计日志中的一行：请在一行内用可见字符填写姓名",
    }
}
