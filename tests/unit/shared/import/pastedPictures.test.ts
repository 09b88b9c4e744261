import { describe, expect, it } from 'vitest';
import { filePicturePaths, pathOfFileUrl, pictureSources } from '../../../../shared/import/pastedPictures.js';

// Pictures as Word's clipboard HTML has them (trimmed): a temp-folder copy, 8.3 user name and all.
const WORD_WINDOWS =
  '<p class=MsoNormal><span lang=EN-US><img width=553 height=369 src="file:///C:/Users/ZHANGS~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="图片_x0020_1"></span></p>';
const SINGLE_QUOTED =
  "<p><img src='file:///Users/zhang/Library/Group%20Containers/UBF8T346G9.Office/TemporaryItems/msohtmlclip/clip_image001.png'></p>";
const INLINE = '<p><img alt="" src="data:image/png;base64,iVBORw0KGgo="></p>';

describe('pictureSources', () => {
  it('finds data: and file: pictures in order, and nothing else', () => {
    expect(pictureSources(`${WORD_WINDOWS}${INLINE}<img src="https://example.com/a.png"><img src="a.png">`)).toEqual([
      'file:///C:/Users/ZHANGS~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg',
      'data:image/png;base64,iVBORw0KGgo=',
    ]);
  });
});

describe('pathOfFileUrl', () => {
  it.each([
    ['file:///C:/Users/a%20b/x.png', 'C:/Users/a b/x.png'],
    ['file:///home/editor/%E7%85%A7%E7%89%87.png', '/home/editor/照片.png'],
    ['FILE:///tmp/x.gif', '/tmp/x.gif'],
  ])('%s → %s', (url, path) => {
    expect(pathOfFileUrl(url)).toBe(path);
  });

  it('answers null for malformed escapes', () => {
    expect(pathOfFileUrl('file:///tmp/%E7%85.png')).toBeNull();
  });
});

describe('filePicturePaths', () => {
  it('gives the paths of the file: pictures of Word HTML, leaving data: pictures out', () => {
    expect(filePicturePaths(`${WORD_WINDOWS}${INLINE}`)).toEqual(['C:/Users/ZHANGS~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg']);
    expect(filePicturePaths(SINGLE_QUOTED)).toEqual(['/Users/zhang/Library/Group Containers/UBF8T346G9.Office/TemporaryItems/msohtmlclip/clip_image001.png']);
    expect(filePicturePaths('<p>纯文字</p>')).toEqual([]);
  });
});
