import { describe, expect, it } from 'vitest';
import { mayBeClipboardPicture, officeClipboardFolders } from '../../../../electron/services/clipboardPictures.js';

const FOLDERS = officeClipboardFolders('/tmp', '/Users/editor');

describe('officeClipboardFolders', () => {
  it('is the temp folder and Word for Mac’s TemporaryItems folder', () => {
    expect(FOLDERS).toEqual(['/tmp', '/Users/editor/Library/Group Containers/UBF8T346G9.Office/TemporaryItems']);
  });
});

describe('mayBeClipboardPicture (the path’s text alone)', () => {
  it.each([
    ['a Word clip image in the temp folder', '/tmp/msohtmlclip1/01/clip_image001.png'],
    ['a JPEG with an upper-case extension', '/tmp/msohtmlclip1/01/clip_image002.JPG'],
    ['a .jpeg', '/tmp/lu1234.tmp/a.jpeg'],
    ['a GIF from a LibreOffice temp folder', '/tmp/lu1234.tmp/lu1234abc.gif'],
    ['a WebP', '/tmp/wps/clip.webp'],
    ['a Word for Mac clip image', '/Users/editor/Library/Group Containers/UBF8T346G9.Office/TemporaryItems/msohtmlclip/clip_image001.png'],
  ])('accepts %s', (_what, path) => {
    expect(mayBeClipboardPicture(path, FOLDERS)).toBe(true);
  });

  it.each([
    ['a photo in the home folder', '/Users/editor/Pictures/身份证.png'],
    ['a path climbing out of the temp folder', '/tmp/msohtmlclip1/../../Users/editor/Pictures/a.png'],
    ['a folder beside the temp folder sharing its prefix', '/tmpfoo/clip_image001.png'],
    ['the temp folder itself', '/tmp'],
    ['a relative path', 'tmp/clip_image001.png'],
    ['Word’s vector copy (.emz)', '/tmp/msohtmlclip1/01/clip_image001.emz'],
    ['Word’s file list', '/tmp/msohtmlclip1/01/clip_filelist.xml'],
    ['a BMP (the app does not import it)', '/tmp/clip.bmp'],
    ['a file with no extension', '/tmp/clip_image001'],
    ['a key file', '/tmp/secret.key'],
    ['a file of another Office group container', '/Users/editor/Library/Group Containers/UBF8T346G9.Office/Outlook/a.png'],
  ])('refuses %s', (_what, path) => {
    expect(mayBeClipboardPicture(path, FOLDERS)).toBe(false);
  });

  it('accepts nothing when the folders are relative', () => {
    expect(mayBeClipboardPicture('/tmp/clip.png', ['tmp'])).toBe(false);
  });
});
