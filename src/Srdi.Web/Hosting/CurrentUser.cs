namespace Srdi.Web.Hosting;

/// <summary>Who is making the request, as the enterprise records write it beside each version:
/// the signed-in user's display name and login (张三（zhangsan）), else <see cref="RequestUser.Anonymous"/>.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

/// <summary>The request's signed-in user, or <see cref="Anonymous"/>.</summary>
public sealed class RequestUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string Anonymous = "匿名";

    public string Name
    {
        get
        {
            if (accessor.HttpContext?.User is not { Identity: { IsAuthenticated: true, Name: { } login } } user || string.IsNullOrWhiteSpace(login)) return Anonymous;
            var display = Accounts.Principals.DisplayName(user);
            var text = string.Equals(display, login, StringComparison.Ordinal) ? login : $"{display}（{login}）";
            return text.Length <= Srdi.Storage.Database.SrdiDbContext.UserLength ? text : login;
        }
    }
}
