/* appointments.c - appointments on a case.
 *   GET/POST /api/v1/cases/{id}/appointments, GET/PATCH/DELETE .../appointments/{appointment}
 * Rules are domain/appointment.c. */
#include "api/api.h"

const struct route api_appointment_routes[] = {
	{0},
};
