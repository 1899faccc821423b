/* pdf_child.c - placeholder until the PDF child is built (see pdf_child.h). */
#include "render/pdf_child.h"

#include <stdio.h>

int pdf_child_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "caseload render-pdf: not built yet\n");
	return 1;
}
