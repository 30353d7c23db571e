/** Strings of the Print button (components/PrintButton.tsx), merged into en.ts and zh.ts. */
export const printEn = {
  'print.action': 'Print',
  'print.busy': 'Printing…',
  'print.dossier': 'Print dossier',
  'print.hint.desktop': 'Opens the system print dialog',
  'print.hint.web': 'Opens the browser’s print dialog',
};

export const printZh: Record<keyof typeof printEn, string> = {
  'print.action': '打印',
  'print.busy': '正在打印…',
  'print.dossier': '打印案件材料',
  'print.hint.desktop': '打开系统打印对话框',
  'print.hint.web': '打开浏览器的打印对话框',
};
