using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Srdi.Storage.Accounts;

namespace Srdi.Web.Pages.Account;

/// <summary>Sign-in with login name and password. Failed passwords count towards the lockout;
/// attempts per client address are rate-limited; the message never says whether the login name
/// exists.</summary>
[EnableRateLimiting(Accounts.AccountsExtensions.SignInLimit)]
public sealed class LoginModel(SignInManager<SrdiUser> signIn) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请填写登录名和密码。";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/enterprises");
        Error = result.IsLockedOut
            ? "密码连续错误次数过多，账户已暂时锁定，请稍后再试或联系管理员解锁。"
            : result.IsNotAllowed ? "该账户暂不允许登录，请联系管理员。" : "登录名或密码不正确。";
        return Page();
    }
}
