using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Srdi.Storage.Accounts;

namespace Srdi.Web.Accounts;

/// <summary>The pages' side of <see cref="EnterpriseAccessFilter"/>: every page under
/// /enterprises whose route carries an <c>{id}</c> opens only when <see cref="EnterpriseAccess"/>
/// allows it, before any handler reads or writes; otherwise 404, as for a record that does not
/// exist. Registered on the whole folder, so a new page there is guarded without a line of its own.</summary>
public sealed class EnterpriseAccessPageFilter(EnterpriseAccess access) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.RouteData.Values.TryGetValue(EnterpriseAccessFilter.RouteKey, out var value) && value is string id)
        {
            var http = context.HttpContext;
            if (http.User.Viewer() is not { } viewer || !await access.CanOpenAsync(viewer, id, http.RequestAborted))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }
        await next();
    }
}
