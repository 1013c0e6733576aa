using Srdi.Storage.Accounts;
using Srdi.Web.Hosting;

namespace Srdi.Web.Accounts;

/// <summary>Guards every API route of the group that names an enterprise by <c>{id}</c>: the
/// record opens only to a viewer <see cref="EnterpriseAccess"/> allows. A record the viewer may
/// not open answers exactly as a record that does not exist (404), so ids cannot be probed.
/// Applied to the whole group, a route added later is guarded without a line of its own.</summary>
public sealed class EnterpriseAccessFilter(EnterpriseAccess access) : IEndpointFilter
{
    public const string RouteKey = "id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue(RouteKey, out var value) && value is string id)
        {
            if (http.User.Viewer() is not { } viewer || !await access.CanOpenAsync(viewer, id, http.RequestAborted))
                return NotOpen(id);
        }
        return await next(context);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotOpen(string id) =>
        Problems.NotFound($"没有企业 {id} 的档案，或该档案未分配给当前账户；用 GET /api/v1/enterprises 查询可查看的档案", "id");
}
