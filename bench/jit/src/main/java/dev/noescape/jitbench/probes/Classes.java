package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;
import java.lang.ref.WeakReference;

/**
 * Classes C2 never scalar-replaces whatever the code does with them (escape.cpp
 * ConnectionGraph::add_call_node: Thread and Reference subclasses, classes with a finalizer, more
 * than EliminateAllocationFieldsLimit 512 instance fields), each next to a class that differs only
 * in that point; and exceptions, whose constructor may call the native fillInStackTrace.
 */
public final class Classes {
  private static final Object REFERENT = new Object();

  private Classes() {}

  @Probe(id = "class.finalizer", group = "special-class", pair = "class.empty-finalizer",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (has_finalizer(): GlobalEscape)",
      note = "A class whose finalize() does something (registered as finalizable on allocation).")
  public static int finalizer(int n, int i) {
    Finalizable f = new Finalizable(n, i); // site: class.finalizer
    int o = Opaque.next();
    return f.x + f.y + o;
  }

  @Probe(id = "class.empty-finalizer", group = "special-class", pair = "class.finalizer",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "classFileParser.cpp ClassFileParser (a finalize() that only returns is an empty finalizer: has_finalizer() stays false)",
      callee = "dev.noescape.jitbench.probes.Classes$EmptyFinalizer::<init>",
      note = "The same class whose finalize() is empty.")
  public static int emptyFinalizer(int n, int i) {
    EmptyFinalizer f = new EmptyFinalizer(n, i); // site: class.empty-finalizer
    int o = Opaque.next();
    return f.x + f.y + o;
  }

  @Probe(id = "class.reference", group = "special-class", pair = "class.reference-shaped",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (subclass of java.lang.ref.Reference: GlobalEscape)",
      note = "A WeakReference subclass with one int field of its own.")
  public static int reference(int n, int i) {
    Ref r = new Ref(REFERENT, n); // site: class.reference
    int o = Opaque.next();
    return r.tag + (r.get() == null ? 0 : i) + o;
  }

  @Probe(id = "class.reference-shaped", group = "special-class", pair = "class.reference",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (an ordinary class)",
      callee = "dev.noescape.jitbench.probes.Classes$RefShaped::<init>",
      note = "An ordinary class with the same fields and accessor.")
  public static int referenceShaped(int n, int i) {
    RefShaped r = new RefShaped(REFERENT, n); // site: class.reference-shaped
    int o = Opaque.next();
    return r.tag + (r.get() == null ? 0 : i) + o;
  }

  @Probe(id = "class.thread", group = "special-class", pair = "class.reference-shaped",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (subclass of java.lang.Thread: GlobalEscape; Thread's constructor also registers and calls natives)",
      note = "A Thread subclass that is never started; confounded: Thread's own constructor lets it escape anyway.")
  public static int thread(int n, int i) {
    Worker w = new Worker(n); // site: class.thread
    int o = Opaque.next();
    return w.tag + i + o;
  }

  @Probe(id = "class.fields-512", group = "field-limit", pair = "class.fields-513",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (nof_nonstatic_fields() > EliminateAllocationFieldsLimit 512: \"has too many fields\")",
      note = "An object with exactly 512 int fields.")
  public static int fields512(int n, int i) {
    Wide512 w = new Wide512(); // site: class.fields-512
    w.f1 = n;
    w.f511 = i;
    int o = Opaque.next();
    return w.f1 + w.f511 + o;
  }

  @Probe(id = "class.fields-513", group = "field-limit", pair = "class.fields-512",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (nof_nonstatic_fields() > EliminateAllocationFieldsLimit 512: \"has too many fields\")",
      note = "An object with 513 int fields.")
  public static int fields513(int n, int i) {
    Wide513 w = new Wide513(); // site: class.fields-513
    w.g1 = n;
    w.g511 = i;
    int o = Opaque.next();
    return w.g1 + w.g511 + o;
  }

  @Probe(id = "exception.stack-trace", group = "exception", pair = "exception.no-stack-trace",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (Throwable.fillInStackTrace is native: the exception escapes to it)",
      callee = "java.lang.Throwable::fillInStackTrace",
      note = "An exception created and read, never thrown; its constructor fills in the stack trace.")
  public static int stackTrace(int n, int i) {
    Problem e = new Problem(n, true); // site: exception.stack-trace
    int o = Opaque.next();
    return e.code + i + o;
  }

  @Probe(id = "exception.no-stack-trace", group = "exception", pair = "exception.stack-trace",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::compute_escape (writableStackTrace false: Throwable's constructor calls nothing that keeps it)",
      callee = "dev.noescape.jitbench.probes.Classes$Problem::<init>",
      note = "The same exception built with writableStackTrace = false.")
  public static int noStackTrace(int n, int i) {
    Problem e = new Problem(n, false); // site: exception.no-stack-trace
    int o = Opaque.next();
    return e.code + i + o;
  }

  static final class Finalizable {
    static int finalized;
    final int x;
    final int y;

    Finalizable(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    @SuppressWarnings("deprecation")
    protected void finalize() {
      finalized++;
    }
  }

  static final class EmptyFinalizer {
    final int x;
    final int y;

    EmptyFinalizer(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    @SuppressWarnings("deprecation")
    protected void finalize() {}
  }

  static final class Ref extends WeakReference<Object> {
    final int tag;

    Ref(Object referent, int tag) {
      super(referent);
      this.tag = tag;
    }
  }

  static final class RefShaped {
    private final Object referent;
    final int tag;

    RefShaped(Object referent, int tag) {
      this.referent = referent;
      this.tag = tag;
    }

    Object get() {
      return referent;
    }
  }

  static final class Worker extends Thread {
    final int tag;

    Worker(int tag) {
      this.tag = tag;
    }
  }

  static final class Problem extends RuntimeException {
    final int code;

    Problem(int code, boolean stackTrace) {
      super("probe", null, false, stackTrace);
      this.code = code;
    }
  }

  /** 512 instance fields: the limit itself. */
  static final class Wide512 {
    int f0;
    int f1;
    int f2;
    int f3;
    int f4;
    int f5;
    int f6;
    int f7;
    int f8;
    int f9;
    int f10;
    int f11;
    int f12;
    int f13;
    int f14;
    int f15;
    int f16;
    int f17;
    int f18;
    int f19;
    int f20;
    int f21;
    int f22;
    int f23;
    int f24;
    int f25;
    int f26;
    int f27;
    int f28;
    int f29;
    int f30;
    int f31;
    int f32;
    int f33;
    int f34;
    int f35;
    int f36;
    int f37;
    int f38;
    int f39;
    int f40;
    int f41;
    int f42;
    int f43;
    int f44;
    int f45;
    int f46;
    int f47;
    int f48;
    int f49;
    int f50;
    int f51;
    int f52;
    int f53;
    int f54;
    int f55;
    int f56;
    int f57;
    int f58;
    int f59;
    int f60;
    int f61;
    int f62;
    int f63;
    int f64;
    int f65;
    int f66;
    int f67;
    int f68;
    int f69;
    int f70;
    int f71;
    int f72;
    int f73;
    int f74;
    int f75;
    int f76;
    int f77;
    int f78;
    int f79;
    int f80;
    int f81;
    int f82;
    int f83;
    int f84;
    int f85;
    int f86;
    int f87;
    int f88;
    int f89;
    int f90;
    int f91;
    int f92;
    int f93;
    int f94;
    int f95;
    int f96;
    int f97;
    int f98;
    int f99;
    int f100;
    int f101;
    int f102;
    int f103;
    int f104;
    int f105;
    int f106;
    int f107;
    int f108;
    int f109;
    int f110;
    int f111;
    int f112;
    int f113;
    int f114;
    int f115;
    int f116;
    int f117;
    int f118;
    int f119;
    int f120;
    int f121;
    int f122;
    int f123;
    int f124;
    int f125;
    int f126;
    int f127;
    int f128;
    int f129;
    int f130;
    int f131;
    int f132;
    int f133;
    int f134;
    int f135;
    int f136;
    int f137;
    int f138;
    int f139;
    int f140;
    int f141;
    int f142;
    int f143;
    int f144;
    int f145;
    int f146;
    int f147;
    int f148;
    int f149;
    int f150;
    int f151;
    int f152;
    int f153;
    int f154;
    int f155;
    int f156;
    int f157;
    int f158;
    int f159;
    int f160;
    int f161;
    int f162;
    int f163;
    int f164;
    int f165;
    int f166;
    int f167;
    int f168;
    int f169;
    int f170;
    int f171;
    int f172;
    int f173;
    int f174;
    int f175;
    int f176;
    int f177;
    int f178;
    int f179;
    int f180;
    int f181;
    int f182;
    int f183;
    int f184;
    int f185;
    int f186;
    int f187;
    int f188;
    int f189;
    int f190;
    int f191;
    int f192;
    int f193;
    int f194;
    int f195;
    int f196;
    int f197;
    int f198;
    int f199;
    int f200;
    int f201;
    int f202;
    int f203;
    int f204;
    int f205;
    int f206;
    int f207;
    int f208;
    int f209;
    int f210;
    int f211;
    int f212;
    int f213;
    int f214;
    int f215;
    int f216;
    int f217;
    int f218;
    int f219;
    int f220;
    int f221;
    int f222;
    int f223;
    int f224;
    int f225;
    int f226;
    int f227;
    int f228;
    int f229;
    int f230;
    int f231;
    int f232;
    int f233;
    int f234;
    int f235;
    int f236;
    int f237;
    int f238;
    int f239;
    int f240;
    int f241;
    int f242;
    int f243;
    int f244;
    int f245;
    int f246;
    int f247;
    int f248;
    int f249;
    int f250;
    int f251;
    int f252;
    int f253;
    int f254;
    int f255;
    int f256;
    int f257;
    int f258;
    int f259;
    int f260;
    int f261;
    int f262;
    int f263;
    int f264;
    int f265;
    int f266;
    int f267;
    int f268;
    int f269;
    int f270;
    int f271;
    int f272;
    int f273;
    int f274;
    int f275;
    int f276;
    int f277;
    int f278;
    int f279;
    int f280;
    int f281;
    int f282;
    int f283;
    int f284;
    int f285;
    int f286;
    int f287;
    int f288;
    int f289;
    int f290;
    int f291;
    int f292;
    int f293;
    int f294;
    int f295;
    int f296;
    int f297;
    int f298;
    int f299;
    int f300;
    int f301;
    int f302;
    int f303;
    int f304;
    int f305;
    int f306;
    int f307;
    int f308;
    int f309;
    int f310;
    int f311;
    int f312;
    int f313;
    int f314;
    int f315;
    int f316;
    int f317;
    int f318;
    int f319;
    int f320;
    int f321;
    int f322;
    int f323;
    int f324;
    int f325;
    int f326;
    int f327;
    int f328;
    int f329;
    int f330;
    int f331;
    int f332;
    int f333;
    int f334;
    int f335;
    int f336;
    int f337;
    int f338;
    int f339;
    int f340;
    int f341;
    int f342;
    int f343;
    int f344;
    int f345;
    int f346;
    int f347;
    int f348;
    int f349;
    int f350;
    int f351;
    int f352;
    int f353;
    int f354;
    int f355;
    int f356;
    int f357;
    int f358;
    int f359;
    int f360;
    int f361;
    int f362;
    int f363;
    int f364;
    int f365;
    int f366;
    int f367;
    int f368;
    int f369;
    int f370;
    int f371;
    int f372;
    int f373;
    int f374;
    int f375;
    int f376;
    int f377;
    int f378;
    int f379;
    int f380;
    int f381;
    int f382;
    int f383;
    int f384;
    int f385;
    int f386;
    int f387;
    int f388;
    int f389;
    int f390;
    int f391;
    int f392;
    int f393;
    int f394;
    int f395;
    int f396;
    int f397;
    int f398;
    int f399;
    int f400;
    int f401;
    int f402;
    int f403;
    int f404;
    int f405;
    int f406;
    int f407;
    int f408;
    int f409;
    int f410;
    int f411;
    int f412;
    int f413;
    int f414;
    int f415;
    int f416;
    int f417;
    int f418;
    int f419;
    int f420;
    int f421;
    int f422;
    int f423;
    int f424;
    int f425;
    int f426;
    int f427;
    int f428;
    int f429;
    int f430;
    int f431;
    int f432;
    int f433;
    int f434;
    int f435;
    int f436;
    int f437;
    int f438;
    int f439;
    int f440;
    int f441;
    int f442;
    int f443;
    int f444;
    int f445;
    int f446;
    int f447;
    int f448;
    int f449;
    int f450;
    int f451;
    int f452;
    int f453;
    int f454;
    int f455;
    int f456;
    int f457;
    int f458;
    int f459;
    int f460;
    int f461;
    int f462;
    int f463;
    int f464;
    int f465;
    int f466;
    int f467;
    int f468;
    int f469;
    int f470;
    int f471;
    int f472;
    int f473;
    int f474;
    int f475;
    int f476;
    int f477;
    int f478;
    int f479;
    int f480;
    int f481;
    int f482;
    int f483;
    int f484;
    int f485;
    int f486;
    int f487;
    int f488;
    int f489;
    int f490;
    int f491;
    int f492;
    int f493;
    int f494;
    int f495;
    int f496;
    int f497;
    int f498;
    int f499;
    int f500;
    int f501;
    int f502;
    int f503;
    int f504;
    int f505;
    int f506;
    int f507;
    int f508;
    int f509;
    int f510;
    int f511;
  }

  /** 513 instance fields: one over. */
  static final class Wide513 {
    int g0;
    int g1;
    int g2;
    int g3;
    int g4;
    int g5;
    int g6;
    int g7;
    int g8;
    int g9;
    int g10;
    int g11;
    int g12;
    int g13;
    int g14;
    int g15;
    int g16;
    int g17;
    int g18;
    int g19;
    int g20;
    int g21;
    int g22;
    int g23;
    int g24;
    int g25;
    int g26;
    int g27;
    int g28;
    int g29;
    int g30;
    int g31;
    int g32;
    int g33;
    int g34;
    int g35;
    int g36;
    int g37;
    int g38;
    int g39;
    int g40;
    int g41;
    int g42;
    int g43;
    int g44;
    int g45;
    int g46;
    int g47;
    int g48;
    int g49;
    int g50;
    int g51;
    int g52;
    int g53;
    int g54;
    int g55;
    int g56;
    int g57;
    int g58;
    int g59;
    int g60;
    int g61;
    int g62;
    int g63;
    int g64;
    int g65;
    int g66;
    int g67;
    int g68;
    int g69;
    int g70;
    int g71;
    int g72;
    int g73;
    int g74;
    int g75;
    int g76;
    int g77;
    int g78;
    int g79;
    int g80;
    int g81;
    int g82;
    int g83;
    int g84;
    int g85;
    int g86;
    int g87;
    int g88;
    int g89;
    int g90;
    int g91;
    int g92;
    int g93;
    int g94;
    int g95;
    int g96;
    int g97;
    int g98;
    int g99;
    int g100;
    int g101;
    int g102;
    int g103;
    int g104;
    int g105;
    int g106;
    int g107;
    int g108;
    int g109;
    int g110;
    int g111;
    int g112;
    int g113;
    int g114;
    int g115;
    int g116;
    int g117;
    int g118;
    int g119;
    int g120;
    int g121;
    int g122;
    int g123;
    int g124;
    int g125;
    int g126;
    int g127;
    int g128;
    int g129;
    int g130;
    int g131;
    int g132;
    int g133;
    int g134;
    int g135;
    int g136;
    int g137;
    int g138;
    int g139;
    int g140;
    int g141;
    int g142;
    int g143;
    int g144;
    int g145;
    int g146;
    int g147;
    int g148;
    int g149;
    int g150;
    int g151;
    int g152;
    int g153;
    int g154;
    int g155;
    int g156;
    int g157;
    int g158;
    int g159;
    int g160;
    int g161;
    int g162;
    int g163;
    int g164;
    int g165;
    int g166;
    int g167;
    int g168;
    int g169;
    int g170;
    int g171;
    int g172;
    int g173;
    int g174;
    int g175;
    int g176;
    int g177;
    int g178;
    int g179;
    int g180;
    int g181;
    int g182;
    int g183;
    int g184;
    int g185;
    int g186;
    int g187;
    int g188;
    int g189;
    int g190;
    int g191;
    int g192;
    int g193;
    int g194;
    int g195;
    int g196;
    int g197;
    int g198;
    int g199;
    int g200;
    int g201;
    int g202;
    int g203;
    int g204;
    int g205;
    int g206;
    int g207;
    int g208;
    int g209;
    int g210;
    int g211;
    int g212;
    int g213;
    int g214;
    int g215;
    int g216;
    int g217;
    int g218;
    int g219;
    int g220;
    int g221;
    int g222;
    int g223;
    int g224;
    int g225;
    int g226;
    int g227;
    int g228;
    int g229;
    int g230;
    int g231;
    int g232;
    int g233;
    int g234;
    int g235;
    int g236;
    int g237;
    int g238;
    int g239;
    int g240;
    int g241;
    int g242;
    int g243;
    int g244;
    int g245;
    int g246;
    int g247;
    int g248;
    int g249;
    int g250;
    int g251;
    int g252;
    int g253;
    int g254;
    int g255;
    int g256;
    int g257;
    int g258;
    int g259;
    int g260;
    int g261;
    int g262;
    int g263;
    int g264;
    int g265;
    int g266;
    int g267;
    int g268;
    int g269;
    int g270;
    int g271;
    int g272;
    int g273;
    int g274;
    int g275;
    int g276;
    int g277;
    int g278;
    int g279;
    int g280;
    int g281;
    int g282;
    int g283;
    int g284;
    int g285;
    int g286;
    int g287;
    int g288;
    int g289;
    int g290;
    int g291;
    int g292;
    int g293;
    int g294;
    int g295;
    int g296;
    int g297;
    int g298;
    int g299;
    int g300;
    int g301;
    int g302;
    int g303;
    int g304;
    int g305;
    int g306;
    int g307;
    int g308;
    int g309;
    int g310;
    int g311;
    int g312;
    int g313;
    int g314;
    int g315;
    int g316;
    int g317;
    int g318;
    int g319;
    int g320;
    int g321;
    int g322;
    int g323;
    int g324;
    int g325;
    int g326;
    int g327;
    int g328;
    int g329;
    int g330;
    int g331;
    int g332;
    int g333;
    int g334;
    int g335;
    int g336;
    int g337;
    int g338;
    int g339;
    int g340;
    int g341;
    int g342;
    int g343;
    int g344;
    int g345;
    int g346;
    int g347;
    int g348;
    int g349;
    int g350;
    int g351;
    int g352;
    int g353;
    int g354;
    int g355;
    int g356;
    int g357;
    int g358;
    int g359;
    int g360;
    int g361;
    int g362;
    int g363;
    int g364;
    int g365;
    int g366;
    int g367;
    int g368;
    int g369;
    int g370;
    int g371;
    int g372;
    int g373;
    int g374;
    int g375;
    int g376;
    int g377;
    int g378;
    int g379;
    int g380;
    int g381;
    int g382;
    int g383;
    int g384;
    int g385;
    int g386;
    int g387;
    int g388;
    int g389;
    int g390;
    int g391;
    int g392;
    int g393;
    int g394;
    int g395;
    int g396;
    int g397;
    int g398;
    int g399;
    int g400;
    int g401;
    int g402;
    int g403;
    int g404;
    int g405;
    int g406;
    int g407;
    int g408;
    int g409;
    int g410;
    int g411;
    int g412;
    int g413;
    int g414;
    int g415;
    int g416;
    int g417;
    int g418;
    int g419;
    int g420;
    int g421;
    int g422;
    int g423;
    int g424;
    int g425;
    int g426;
    int g427;
    int g428;
    int g429;
    int g430;
    int g431;
    int g432;
    int g433;
    int g434;
    int g435;
    int g436;
    int g437;
    int g438;
    int g439;
    int g440;
    int g441;
    int g442;
    int g443;
    int g444;
    int g445;
    int g446;
    int g447;
    int g448;
    int g449;
    int g450;
    int g451;
    int g452;
    int g453;
    int g454;
    int g455;
    int g456;
    int g457;
    int g458;
    int g459;
    int g460;
    int g461;
    int g462;
    int g463;
    int g464;
    int g465;
    int g466;
    int g467;
    int g468;
    int g469;
    int g470;
    int g471;
    int g472;
    int g473;
    int g474;
    int g475;
    int g476;
    int g477;
    int g478;
    int g479;
    int g480;
    int g481;
    int g482;
    int g483;
    int g484;
    int g485;
    int g486;
    int g487;
    int g488;
    int g489;
    int g490;
    int g491;
    int g492;
    int g493;
    int g494;
    int g495;
    int g496;
    int g497;
    int g498;
    int g499;
    int g500;
    int g501;
    int g502;
    int g503;
    int g504;
    int g505;
    int g506;
    int g507;
    int g508;
    int g509;
    int g510;
    int g511;
    int g512;
  }
}
