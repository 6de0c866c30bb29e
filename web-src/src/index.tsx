/** Entry point of the agent console (see boot.tsx for how it starts in and out of the shell). */
import './styles.css'
import { bootApp } from './boot'

const container = document.getElementById('root')
if (container) bootApp(container)
