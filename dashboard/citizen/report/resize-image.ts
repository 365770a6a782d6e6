// Photos are shrunk in the browser before upload: a phone's 4-12 MB shot becomes ~300 KB, and re-encoding
// through a canvas drops the EXIF block (GPS, device serial) before anything leaves the phone.
const MAX_SIDE = 1600;

export async function resizeImage(file: Blob, maxSide = MAX_SIDE, quality = 0.85): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // A format this browser cannot decode (HEIC on most non-Apple browsers): the server processes the original.
    return file;
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const w = Math.round(bitmap.width * scale);
  const h = Math.round(bitmap.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  return blob ?? file;
}
