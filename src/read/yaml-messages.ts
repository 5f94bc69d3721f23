/** The `yaml` package's error codes, said in Chinese for a clerk. */
import type { ErrorCode } from 'yaml';

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: '同一层里出现了两个相同的键，请删去或合并其中一个。',
  BAD_INDENT: '缩进不对：同一层的键要左对齐，下一层的内容要比上一层多缩进。',
  TAB_AS_INDENT: '缩进里有 Tab 字符，请改用空格缩进。',
  MISSING_CHAR: '缺少字符：可能是引号、方括号 [ ] 或花括号 { } 没有成对，或冒号后缺少空格。',
  BLOCK_AS_IMPLICIT_KEY: '这一行像是一个键，但格式不对：键和值之间要用半角冒号加空格“: ”。',
  MULTILINE_IMPLICIT_KEY: '这一行像是一个键，但缺少“: ”，或上一行的文字换行后缩进不够。',
  UNEXPECTED_TOKEN: '这里有无法识别的内容，请检查冒号、引号和缩进。',
  BAD_SCALAR_START: '文字不能以这个符号开头；整段文字请写在“|”下面的缩进块里，或用引号括起来。',
  MULTIPLE_DOCS: '一个文件只能写一份报告，不要用“---”分隔多份。',
  KEY_OVER_1024_CHARS: '键太长了；长文字应写在冒号后面（用“|”块），而不是写成键。',
  BAD_ALIAS: '别名（*名称）指向的锚点（&名称）不存在。',
  ALIAS_PROPS: '别名（*名称）不能再带标签或锚点。',
  // `yaml` raises this only when composing overflows the stack: nesting far deeper than a report's
  RESOURCE_EXHAUSTION: '文件的嵌套层次过深，不是年度报告的数据结构，已拒绝读取。',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 里不能换行写块内容。',
  BAD_DQ_ESCAPE: '双引号里的反斜杠“\\”写法不对；如不需要转义，请改用单引号或“|”块。',
  MULTIPLE_ANCHORS: '同一个值上有多个锚点（&）。',
  MULTIPLE_TAGS: '同一个值上有多个标签（!）。',
  TAG_RESOLVE_FAILED: '无法识别的标签（以 ! 开头的写法），请删去。',
  BAD_DIRECTIVE: '无法识别的指令（以 % 开头的行）。',
  BAD_COLLECTION_TYPE: '这里的写法与上下文的类型不符。',
};

export function yamlErrorMessage(code: ErrorCode, lineText: string): string {
  let message = MESSAGES[code] ?? 'YAML 语法错误，请检查这一行的冒号、引号和缩进。';
  if (/^\s*[^:#\s][^:]*：/.test(lineText) && !/: /.test(lineText)) {
    message += '（提示：这一行用了全角冒号“：”，键和值之间要用半角冒号加空格“: ”。）';
  }
  return message;
}
