/* render_pdf.c - `caseload render-pdf`, the child process that draws PDFs (render/pdf_child.c
 * does the work; the server runs it, people do not). */
#include "cli/cli.h"
#include "render/pdf_child.h"

int cli_render_pdf(int argc, char **argv)
{
	return pdf_child_main(argc, argv);
}
