using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Storage.Accounts;

namespace Srdi.Web.Pages.Account;

/// <summary>Signs out (a POST with the anti-forgery token, so another site cannot sign a person out).</summary>
public sealed class LogoutModel(SignInManager<SrdiUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
