/** Entry point: defines the app shell; everything else loads through it. */
import './ui/shell/unknot-app';
