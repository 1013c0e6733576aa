namespace Srdi.Web.Hosting;

/// <summary>Who is making the request, as the enterprise records write it beside each version.
/// Until accounts exist it is the authenticated user's name, if any, else
/// <see cref="RequestUser.Anonymous"/>; accounts replace this one registration.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

/// <summary>The request's authenticated user name, or <see cref="Anonymous"/>.</summary>
public sealed class RequestUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string Anonymous = "匿名（尚未启用账户）";

    public string Name =>
        accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } && !string.IsNullOrWhiteSpace(name) ? name : Anonymous;
}
