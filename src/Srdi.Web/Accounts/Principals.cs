using System.Security.Claims;
using Srdi.Storage.Accounts;

namespace Srdi.Web.Accounts;

/// <summary>What the platform reads off a signed-in user: the id, the name people read, the
/// role, and the <see cref="Viewer"/> that decides which records open.</summary>
public static class Principals
{
    /// <summary>The claim that carries <see cref="SrdiUser.DisplayName"/>.</summary>
    public const string DisplayNameClaim = "srdi:display_name";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>The viewer for access checks; null when nobody is signed in.</summary>
    public static Viewer? Viewer(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.UserId() is { } id ? new Viewer(id, user.IsAdmin()) : null;

    /// <summary>The roles in Chinese, for the page header.</summary>
    public static string RoleText(this ClaimsPrincipal user) =>
        string.Join("、", Roles.All.Where(user.IsInRole).Select(Roles.Chinese));
}
