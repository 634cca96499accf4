import QRCode from "qrcode";

/** An SVG QR code for a URL (drawn on the server: no script, prints cleanly). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
