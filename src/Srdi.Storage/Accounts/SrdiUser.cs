using Microsoft.AspNetCore.Identity;

namespace Srdi.Storage.Accounts;

/// <summary>A person who signs in: an enterprise's staff member, a service officer or an
/// administrator (<see cref="Roles"/>). Identity keeps the password hash, lockout and security
/// stamp; the platform adds the name people read.</summary>
public sealed class SrdiUser : IdentityUser
{
    /// <summary>The name shown on pages and written beside each profile version (张三、南山区服务专员).</summary>
    public string DisplayName { get; set; } = "";
}
