/** A PDF to download: its bytes, its file name, never cached (it holds a household's data). */
export function pdfResponse(pdf: Buffer | Uint8Array, filename: string): Response {
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Content-Length': String(pdf.length),
			'Cache-Control': 'no-store'
		}
	});
}
