package dev.ftpkit.server.command;

import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.CommandHandler;
import dev.ftpkit.server.CommandRegistry;

/**
 * The table of built-in verbs: one line per command with its flags (login, transfer, allowed during a transfer).
 * {@link CommandRegistry#standard()} starts from it.
 */
public final class BuiltInCommands {

    private BuiltInCommands() {
    }

    /**
     * Registers every built-in command and SITE subcommand.
     *
     * @param registry the registry to fill
     */
    public static void registerAll(CommandRegistry registry) {
        LinkNames linkNames = new LinkNames(); // one per server: NLST's memory of which entries are links
        // access control (RFC 959 §4.1.1, RFC 7151)
        registry.register("USER", open(AuthCommands::user));
        registry.register("PASS", open(AuthCommands::pass));
        registry.register("ACCT", open(AuthCommands::acct));
        registry.register("REIN", open(AuthCommands::rein));
        registry.register("QUIT", open(AuthCommands::quit));
        registry.register("HOST", open(AuthCommands::host));
        // security (RFC 2228, RFC 4217)
        registry.register("AUTH", open(TlsCommands::auth));
        registry.register("PBSZ", open(TlsCommands::pbsz));
        registry.register("PROT", open(TlsCommands::prot));
        registry.register("CCC", open(TlsCommands::ccc));
        registry.register("CWD", login(NavigationCommands::cwd));
        registry.register("XCWD", login(NavigationCommands::cwd));
        registry.register("CDUP", login(NavigationCommands::cdup));
        registry.register("XCUP", login(NavigationCommands::cdup));
        registry.register("PWD", login(NavigationCommands::pwd));
        registry.register("XPWD", login(NavigationCommands::pwd));
        // transfer parameters (RFC 959 §4.1.2, RFC 2428, RFC 3659 §5)
        registry.register("PORT", login(DataPortCommands::port));
        registry.register("EPRT", login(DataPortCommands::eprt));
        registry.register("PASV", login(DataPortCommands::pasv));
        registry.register("EPSV", login(DataPortCommands::epsv));
        registry.register("TYPE", login(ParameterCommands::type));
        registry.register("STRU", login(ParameterCommands::stru));
        registry.register("MODE", login(ParameterCommands::mode));
        registry.register("REST", login(ParameterCommands::rest));
        registry.register("ALLO", login(ParameterCommands::allo));
        registry.register("OPTS", open(ParameterCommands::opts));
        // service commands (RFC 959 §4.1.3)
        registry.register("RETR", transfer(TransferCommands::retr));
        registry.register("STOR", transfer(TransferCommands::stor));
        registry.register("STOU", transfer(TransferCommands::stou));
        registry.register("APPE", transfer(TransferCommands::appe));
        registry.register("LIST", transfer(ListingCommands::list));
        registry.register("NLST", transfer((command, session) -> ListingCommands.nlst(command, session, linkNames)));
        registry.register("MLSD", transfer(ListingCommands::mlsd));
        registry.register("MLST", login(ListingCommands::mlst));
        registry.register("DELE", login(FileCommands::dele));
        registry.register("RMD", login(FileCommands::rmd));
        registry.register("XRMD", login(FileCommands::rmd));
        registry.register("MKD", login(FileCommands::mkd));
        registry.register("XMKD", login(FileCommands::mkd));
        registry.register("RNFR", login(FileCommands::rnfr));
        registry.register("RNTO", login(FileCommands::rnto));
        registry.register("SIZE", login(FileCommands::size));
        registry.register("MDTM", login(FileCommands::mdtm));
        registry.register("MFMT", login(FileCommands::mfmt));
        registry.register("ABOR", duringTransfer(InfoCommands::abor, true));
        registry.register("STAT", duringTransfer(InfoCommands::stat, false));
        registry.register("NOOP", duringTransfer(InfoCommands::noop, false));
        registry.register("SYST", open(InfoCommands::syst));
        registry.register("FEAT", open(InfoCommands::feat));
        registry.register("HELP", open(InfoCommands::help));
        registry.register("SITE", open(SiteCommands::site));
        registry.register("HASH", login(HashCommands::hash));
        registry.register("XSHA256", login(HashCommands::xsha256));
        registry.register("XSHA1", login(HashCommands::xsha1));
        registry.register("XMD5", login(HashCommands::xmd5));
        registry.register("XCRC", login(HashCommands::xcrc));
        registry.registerSite("HELP", open(SiteCommands::help));
        registry.registerSite("CHMOD", login(SiteCommands::chmod));
    }

    private static CommandDescriptor open(CommandHandler handler) {
        return CommandDescriptor.beforeLogin(handler);
    }

    private static CommandDescriptor login(CommandHandler handler) {
        return CommandDescriptor.of(handler);
    }

    private static CommandDescriptor transfer(CommandHandler handler) {
        return CommandDescriptor.transfer(handler);
    }

    private static CommandDescriptor duringTransfer(CommandHandler handler, boolean needsLogin) {
        return new CommandDescriptor(handler, needsLogin, false, true);
    }
}
