import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, DROP_COMMAND, PASTE_COMMAND } from 'lexical';
import { useContext, useEffect } from 'react';
import { INSERT_FIGURE_COMMAND } from '../../bodyExtension.js';
import { FigureServicesContext } from '../../nodes/FigureNode/FigureServices.js';

const IMAGE_TYPE = /^image\/(jpeg|png|webp|gif)$/;

function imageFiles(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files).filter((f) => IMAGE_TYPE.test(f.type)) : [];
}

/**
 * Photos dropped from Explorer/Finder or pasted (a screenshot, a copied picture) become
 * figures at the cursor: the bytes go to the assets/ first, the body keeps only
 * the asset id. A file that is not a usable image is reported by the figure services.
 */
export function ImageDropPlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useContext(FigureServicesContext);

  useEffect(() => {
    const add = services.addImageFile;
    if (!add) return;
    const insert = (files: File[]) => {
      void (async () => {
        for (const file of files) {
          const assetId = await add(file);
          if (assetId) editor.dispatchCommand(INSERT_FIGURE_COMMAND, { assetId, caption: '' });
        }
      })();
    };
    const onFiles = (event: DragEvent | ClipboardEvent, data: DataTransfer | null) => {
      const files = imageFiles(data);
      // Pasted HTML with pictures (Word, web) is the clean-paste plugin's; only bare image files are ours.
      if (files.length === 0 || (event instanceof ClipboardEvent && data?.types.includes('text/html'))) return false;
      event.preventDefault();
      insert(files);
      return true;
    };
    return mergeRegister(
      editor.registerCommand(DROP_COMMAND, (event) => onFiles(event, event.dataTransfer), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => (event instanceof ClipboardEvent ? onFiles(event, event.clipboardData) : false),
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, services]);

  return null;
}
