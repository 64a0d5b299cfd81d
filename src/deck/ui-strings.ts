// Every piece of text the browser code itself puts on screen. The font subset includes these
// characters, so keep all interface wording here.
export const UI_STRINGS = {
  slideLabel: '幻灯片',
  deckLabel: '演示文稿',
  notesTitle: '演讲者备注',
  next: '下一页',
  previous: '上一页',
  speakerView: '演讲者视图',
  popupBlocked: '浏览器阻止了弹出窗口：请在新标签页中打开',
  jumpLabel: '跳转到幻灯片：输入页码或标题中的文字',
  jumpNoMatch: '没有匹配的幻灯片',
  jumpHint: '回车跳转，Esc 取消',
} as const;
