using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Srdi.Storage.Accounts;

namespace Srdi.Web.Accounts;

/// <summary>Identity's principal with the roles, plus the user's display name, so that pages
/// and version history show 张三 rather than a login name.</summary>
public sealed class DisplayNameClaims(UserManager<SrdiUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SrdiUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SrdiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Principals.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
